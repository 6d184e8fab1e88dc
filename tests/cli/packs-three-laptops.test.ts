import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { rawPublicKey, signBytes } from '../../electron/identity/keys';
import { signNoticeContent } from '../../electron/identity/notice-seal';
import { readPack } from '../../electron/packs/format';
import { cli, hashOf, keyOf, resign } from '../support/pack-cli';
import { TEST_PASSPHRASE, tempDir } from '../support/temp-db';

// The acceptance: three laptops, three databases in three folders. The office prepares the
// 2013 round; an assessor on a new installation opens the pack, declares, scores every bid assigned
// and returns; the office receives it (twice: the second changes nothing), ranks, allocates and
// sends the notice for sign-off; the commissioner signs on their own database and returns it; the
// office receives the signed notice, and the record and the exported PDF both verify. A signed
// notice whose content was changed, or sealed with another key, is refused on the way.

const EVE = 'eve on the train';
const PAT = 'pat signs at home';

interface Received {
  kind: string;
  of: string;
  added: number;
  unchanged: number;
  conflicts: unknown[];
  held: Record<string, number>;
}

describe('a round across three laptops on the command line', () => {
  it('goes from the office to an assessor and the commissioner and comes back signed', async () => {
    const [officeDir, assessorDir, commissionerDir] = ['office', 'assessor', 'commissioner'].map((n) =>
      tempDir(`tranche-${n}-`),
    ) as [string, string, string];
    const office = path.join(officeDir, 'tranche.db');
    const assessor = path.join(assessorDir, 'tranche.db');
    const commissioner = path.join(commissionerDir, 'tranche.db');
    const asDan = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE, TRANCHE_NEW_PASSPHRASE: 'office copy of a key' };
    const atOffice = (...args: string[]) => cli(['--db', office, '--as', 'Dan Hughes', ...args], asDan);
    const onAssessor = (...args: string[]) => cli(['--db', assessor, ...args], { TRANCHE_PASSPHRASE: EVE });
    const onCommissioner = (...args: string[]) =>
      cli(['--db', commissioner, ...args], { TRANCHE_PASSPHRASE: PAT });
    const ok = async (run: Promise<{ code: number; stdout: string; stderr: string }>) => {
      const outcome = await run;
      expect(outcome.code, outcome.stderr).toBe(0);
      return outcome.stdout;
    };
    const json = async <T>(run: Promise<{ code: number; stdout: string; stderr: string }>) =>
      JSON.parse(await ok(run)) as T;

    // The office: the 2013 Invest to Save round at assessment, with a new assessor on all its bids.
    await ok(cli(['--db', office, 'demo']));
    // Back to assessment, as a lead officer does it (a write past Tranche would not verify).
    await ok(atOffice('stage', '--round', '1', '--to', 'assessment', '--reason', 'An assessor joins late'));
    await ok(atOffice('people', 'add', '--name', 'Eve Ward', '--role', 'policy officer'));
    await ok(atOffice('assign', '--round', '1', '--assessor', 'Eve Ward', '--all'));
    const assessorPack = path.join(officeDir, 'eve.tranche');
    const made = await json<{ enrolmentCode: string }>(
      atOffice('pack', 'assessor', '--round', '1', '--assessor', 'Eve Ward', '--out', assessorPack, '--json'),
    );

    // The assessor's laptop, a new installation: open with the code, declare, score all, return.
    const opened = await json<{ kind: string; roundId: number }>(
      cli(
        ['--db', assessor, 'pack', 'open', assessorPack, '--enrolment-code', made.enrolmentCode, '--json'],
        {
          TRANCHE_NEW_PASSPHRASE: EVE,
        },
      ),
    );
    expect(opened.kind).toBe('assessor');
    const copy = String(opened.roundId);
    await ok(onAssessor('declare', '--round', copy, '--assessor', 'Eve Ward', '--all', '--none'));
    const bids = await json<{ ref: string }[]>(onAssessor('bids', 'list', '--round', copy, '--json'));
    const framework = await json<{ criteria: { code: string; gateway: boolean }[] }>(
      onAssessor('framework', 'show', '--round', copy, '--json'),
    );
    const scores = path.join(assessorDir, 'scores.csv');
    writeFileSync(
      scores,
      [
        'bid,assessor,criterion,score,justification',
        ...bids.flatMap((b) =>
          framework.criteria.map(
            (c) =>
              `${b.ref},Eve Ward,${c.code},${c.gateway ? 1 : 3},Read on the train against the descriptors`,
          ),
        ),
      ].join('\n'),
    );
    await ok(onAssessor('import', 'scores', scores, '--round', copy));
    const assessorReturn = path.join(assessorDir, 'return.tranche');
    await ok(onAssessor('pack', 'return', '--round', copy, '--out', assessorReturn));

    // The office receives it twice: the second time changes nothing.
    const first = await json<Received>(atOffice('pack', 'receive', assessorReturn, '--json'));
    expect(first).toMatchObject({ kind: 'return', of: 'assessor', unchanged: 0, conflicts: [] });
    expect(first.added).toBe(bids.length * (framework.criteria.length + 2));
    // What it held is counted thing by thing, apart from the records it added.
    expect(first.held).toEqual({
      bids: bids.length,
      declarations: bids.length,
      scores: bids.length * framework.criteria.length,
      submissions: bids.length,
    });
    const merged = hashOf(office, { withoutAudit: true });
    const second = await json<Received>(atOffice('pack', 'receive', assessorReturn, '--json'));
    expect(second).toMatchObject({ added: 0, unchanged: first.added, held: first.held });
    expect(hashOf(office, { withoutAudit: true })).toBe(merged);

    // Ranks, allocates in rank order, and sends the notice for sign-off.
    await ok(atOffice('stage', '--round', '1', '--to', 'board'));
    const ranking = await json<{ ref: string; assessorCount: number }[]>(
      atOffice('rank', '--round', '1', '--json'),
    );
    expect(ranking.every((r) => r.assessorCount >= 1)).toBe(true);
    await ok(atOffice('suggest', '--round', '1', '--apply'));
    await ok(atOffice('stage', '--round', '1', '--to', 'decision'));
    const ready = await json<{ number: string; status: string }>(
      atOffice(
        'notice',
        'ready',
        '--round',
        '1',
        '--reason',
        'Board views were taken at the meeting',
        '--json',
      ),
    );
    expect(ready.status).toBe('ready');
    const signoffPack = path.join(officeDir, 'pat.tranche');
    const signoff = await json<{ enrolmentCode: string; to: { name: string } }>(
      atOffice('pack', 'signoff', '--round', '1', '--out', signoffPack, '--json'),
    );
    expect(signoff.to.name).toBe('Pat Morgan');

    // The commissioner's laptop, a new installation: the notice as the office sent it, signed there.
    const patOpened = await json<{ kind: string; roundId: number }>(
      cli(
        [
          '--db',
          commissioner,
          'pack',
          'open',
          signoffPack,
          '--enrolment-code',
          signoff.enrolmentCode,
          '--json',
        ],
        {
          TRANCHE_NEW_PASSPHRASE: PAT,
        },
      ),
    );
    expect(patOpened.kind).toBe('signoff');
    const patRound = String(patOpened.roundId);
    // Only the notice may be signed there: the allocation of the copy is the office's.
    expect(
      await onCommissioner('allocate', '--round', patRound, '--bid', ranking[0]!.ref, '--none'),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('This round is a copy from your office'),
    });
    // The copy has the decision, not the assessment behind it: the commissioner is told why the
    // office sent it despite its readiness warnings, and only what makes it unsound would block.
    const readiness = await json<{ blocking: number; items: { level: string; message: string }[] }>(
      onCommissioner('readiness', '--round', patRound, '--json'),
    );
    expect(readiness.blocking).toBe(0);
    expect(readiness.items).toContainEqual(
      expect.objectContaining({
        level: 'noted',
        message: expect.stringContaining('Board views were taken at the meeting'),
      }),
    );
    const signed = await json<{ number: string; signedBy: string; fingerprint: string }>(
      onCommissioner('sign', '--round', patRound, '--json'),
    );
    expect(signed).toMatchObject({ number: ready.number, signedBy: 'Pat Morgan' });
    const signedReturn = path.join(commissionerDir, 'signed.tranche');
    await ok(onCommissioner('pack', 'return', '--round', patRound, '--out', signedReturn));

    // Refused on the way, the office's database untouched: content changed, or sealed by another key.
    const patKey = keyOf(commissioner, 'Pat Morgan', PAT);
    const before = hashOf(office);
    const refused = async (bytes: Buffer, reason: RegExp) => {
      const file = path.join(commissionerDir, 'forged.tranche');
      writeFileSync(file, bytes);
      const outcome = await atOffice('pack', 'receive', file);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr.split('\n')).toHaveLength(1);
      expect(outcome.stderr).toMatch(reason);
      expect(hashOf(office)).toBe(before);
    };
    type Notice = {
      content: { decisions: { awardedPence: number }[] } & Record<string, unknown>;
      seal: ReturnType<typeof signNoticeContent>;
    };
    const patPublic = readPack(readFileSync(signedReturn)).body.header.from.publicKey;
    await refused(
      resign(
        signedReturn,
        (body) => {
          const notice = (body.payload as { notice: Notice }).notice;
          notice.content.decisions[0]!.awardedPence += 100;
          notice.seal = signNoticeContent(notice.content, patKey, patPublic);
          body.header.sequence += 10;
        },
        patKey,
      ),
      /The notice Pat Morgan signed is not the one the office sent: its decision content differs; nothing was changed/,
    );
    const { privateKey: otherKey, publicKey: otherPublic } = generateKeyPairSync('ed25519');
    await refused(
      resign(
        signedReturn,
        (body) => {
          const notice = (body.payload as { notice: Notice }).notice;
          notice.seal = signNoticeContent(
            notice.content,
            otherKey,
            rawPublicKey(otherPublic).toString('base64'),
          );
          body.header.sequence += 20;
        },
        patKey,
      ),
      /signed with a key this office does not know for Pat Morgan/,
    );
    // A seal that claims Pat's key over a signature it did not make.
    await refused(
      resign(
        signedReturn,
        (body) => {
          const notice = (body.payload as { notice: Notice }).notice;
          notice.seal.signature = signBytes(otherKey, Buffer.from('something else'));
          body.header.sequence += 30;
        },
        patKey,
      ),
      /The signature on decision .+ does not hold/,
    );

    // The office receives the signed notice: the round is signed and locked as if signed there.
    const accepted = await json<Received>(atOffice('pack', 'receive', signedReturn, '--json'));
    expect(accepted).toMatchObject({ kind: 'return', of: 'signoff', added: 1, conflicts: [] });
    const rounds = await json<{ id: number; stage: string }[]>(atOffice('rounds', 'list', '--json'));
    expect(rounds.find((r) => r.id === 1)?.stage).toBe('signed');
    expect(await atOffice('allocate', '--round', '1', '--bid', ranking[0]!.ref, '--none')).toMatchObject({
      code: 2,
    });
    expect(listBackups(office).map((b) => b.reason)).toContain('signing');
    // The round's history shows the signature received, as it would a signing at the office.
    const history = await json<{ operation: string; person: string | null }[]>(
      atOffice('audit', '--round', '1', '--json'),
    );
    expect(history.filter((e) => e.operation === 'packs:receive').map((e) => e.person)).toEqual([
      'Dan Hughes',
      'Dan Hughes',
      'Dan Hughes',
    ]);
    const again = await json<Received>(atOffice('pack', 'receive', signedReturn, '--json'));
    expect(again).toMatchObject({ added: 0, unchanged: 1 });

    expect(await ok(atOffice('verify'))).toMatch(/^The record verifies/);
    const pdf = path.join(officeDir, 'notice.pdf');
    await ok(atOffice('notice', '--round', '1', '--format', 'pdf', '--out', pdf));
    const verified = await json<{ ok: boolean; signedBy: string; fingerprint: string }>(
      cli(['verify', pdf, '--json']),
    );
    // Signed by Pat's own key, made on her laptop: the one the office pinned from her enrolment.
    expect(verified).toMatchObject({
      ok: true,
      signedBy: 'Pat Morgan',
      fingerprint: readPack(readFileSync(signedReturn)).body.header.from.fingerprint,
    });
  }, 240_000);
});
