import { createHash, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { createContext } from '../../electron/handlers/context';
import { databaseHash } from '../support/database-hash';
import { actingAs, TEST_KDF, TEST_PASSPHRASE, tempDir, testContext } from '../support/temp-db';
import { must, signedRound, tamper } from '../audit/signed-round';
import { cli, hashOf, keyOf } from '../support/pack-cli';
import { readPack, writePack } from '../../electron/packs/format';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { canonicalJson } from '../../shared/canonical-json';
import { rechain, recordRowsAsTheyStand, swapEntries } from './rechain';

// The attacks of issue 17, each tried as an insider would: an ordinary lead officer's passphrase,
// a copy of the office database, the packs that travel by email, and the sqlite3 shell. Each must
// be refused (nothing changed) or reported.

describe('an insider', () => {
  it('cannot backdate a signature: the notice is dated the day it is signed', async () => {
    const { ctx, connection, as, lead } = await signedRound();
    must(await dispatch('notices:supersede', { roundId: 1 }, lead));
    const before = databaseHash(connection);
    const backdated = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed', date: '2013-09-01' },
      as('Pat Morgan'),
    );
    expect(backdated).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('dated the day it is signed') },
    });
    expect(databaseHash(connection)).toBe(before);
    const today = ctx.now().slice(0, 10);
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 1, readinessReason: 'Agreed', date: today },
        as('Pat Morgan'),
      ),
    ).toMatchObject({ ok: true, value: { signedOn: today } });
  });

  it('cannot guess a passphrase: five wrong ones lock the person, every guess is on the record', async () => {
    const { ctx, connection } = await signedRound();
    const pat = ctx.store.people.findByName('Pat Morgan')!;
    const fresh = () => createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF });
    for (let guess = 1; guess <= 20; guess++)
      expect(
        await dispatch(
          'people:setProfile',
          { personId: pat.id, passphrase: `guess number ${guess}` },
          fresh(),
        ),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The right one, after twenty wrong: still locked, and a new process knows it too.
    const right = await dispatch(
      'people:setProfile',
      { personId: pat.id, passphrase: TEST_PASSPHRASE },
      fresh(),
    );
    expect(right).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/locked after 5 wrong/) },
    });
    const guesses = connection.sqlite
      .prepare(
        "SELECT count(*) FROM audit_entries WHERE operation = 'people:wrongPassphrase' AND input LIKE ?",
      )
      .pluck()
      .get(`%${pat.id}%`) as number;
    expect(guesses).toBe(21);
  });

  it('cannot choose a weak passphrase for anyone, themselves included', async () => {
    const { ctx, lead } = await signedRound();
    for (const weak of ['password', 'aaaaaaaa', 'Password123!'])
      expect(
        await dispatch(
          'people:passphrase',
          { currentPassphrase: TEST_PASSPHRASE, newPassphrase: weak },
          lead,
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('too easy to guess') },
      });
    expect(ctx.store.people.count()).toBeGreaterThan(0);
  });

  it('cannot pass off a notice signed in another database by a commissioner of the same name', async () => {
    const dir = tempDir();
    const office = await signedRound();
    const forger = await signedRound();
    const pdf = async (ctx: typeof office.ctx, name: string) => {
      const file = path.join(dir, name);
      const exported = must(await dispatch('notices:export', { roundId: 1, format: 'pdf' }, ctx));
      writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));
      return file;
    };
    const published = office.ctx.store.identities.get(office.ctx.store.people.findByName('Pat Morgan')!.id)!;
    const genuine = await pdf(office.lead, 'genuine.pdf');
    const forged = await pdf(forger.lead, 'forged.pdf');

    // Without --key: sound as a file, but it prints the key and says to compare it.
    const bare = await cli(['verify', forged]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/Compare the key's fingerprint with the one the office publishes/);

    const refused = await cli(['verify', forged, '--key', published.fingerprint, '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: true, keyTrusted: false });
    expect(refused.stderr).toMatch(/was not signed by key/);

    const trusted = await cli(['verify', genuine, '--key', published.fingerprint.toLowerCase(), '--json']);
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toMatchObject({ ok: true, keyTrusted: true });
    expect(JSON.parse((await cli(['verify', genuine, '--json'])).stdout)).toMatchObject({ keyTrusted: null });
    expect(await cli(['verify', genuine, '--key', 'not a key'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--key must be a key fingerprint'),
    });
  });

  it('cannot empty the audit chain and have it begin again silently', async () => {
    const { connection, file } = await signedRound();
    connection.close();
    tamper(
      file,
      'DROP TRIGGER audit_entries_append_only_delete',
      'DROP TRIGGER audit_changes_append_only_delete',
      'DELETE FROM audit_changes',
      'DELETE FROM audit_entries',
    );
    // Opening it again (as the app or any command does) does not begin a new chain; verify says why.
    const opened = await cli(['--db', file, 'verify', '--json']);
    expect(opened.code).toBe(2);
    expect(JSON.parse(opened.stdout).problems[0]).toMatch(/the chain was emptied, not begun/);
    expect((await cli(['--db', file, 'verify'])).stderr.split('\n')).toHaveLength(1);
  });

  it('cannot cut the start of the chain off, or truncate its end', async () => {
    const { connection, file } = await signedRound();
    const last = connection.sqlite.prepare('SELECT max(seq) FROM audit_entries').pluck().get() as number;
    connection.close();
    tamper(
      file,
      'DROP TRIGGER audit_entries_append_only_delete',
      'DROP TRIGGER audit_changes_append_only_delete',
      `DELETE FROM audit_changes WHERE entry_seq >= ${last - 2}`,
      `DELETE FROM audit_entries WHERE seq >= ${last - 2}`,
    );
    const truncated = await cli(['--db', file, 'verify', '--json']);
    expect(truncated.code).toBe(2);
    tamper(
      file,
      'DROP TRIGGER audit_entries_append_only_delete',
      'DROP TRIGGER audit_changes_append_only_delete',
      'DELETE FROM audit_changes WHERE entry_seq <= 2',
      'DELETE FROM audit_entries WHERE seq <= 2',
    );
    const cut = JSON.parse((await cli(['--db', file, 'verify', '--json'])).stdout) as { problems: string[] };
    expect(cut.problems).toContainEqual(
      expect.stringMatching(/starts at entry 3: the entries before it were deleted/),
    );
  });

  it('cannot edit a score and recompute the chain: every entry is signed by the person who acted', async () => {
    const { connection, file } = await signedRound();
    const bid = connection.sqlite.prepare("SELECT id FROM bids WHERE ref = 'B1'").pluck().get() as number;
    connection.close();
    rechain(file, (raw) => {
      raw.prepare('UPDATE scores SET score = 5 WHERE bid_id = ?').run(bid);
      recordRowsAsTheyStand(raw, 'scores');
    });
    const verified = await cli(['--db', file, 'verify', '--json']);
    expect(verified.code).toBe(2);
    const { problems } = JSON.parse(verified.stdout) as { problems: string[] };
    expect(problems).toContainEqual(expect.stringMatching(/its signature does not hold/));
    expect(problems).toContainEqual(
      expect.stringMatching(/signed when the audit chain stood at entry \d+, but the chain no longer holds/),
    );
    expect(problems.join('\n')).not.toMatch(/does not link|was changed after it was written/);
  });

  it("cannot edit a signed notice and recompute its hash: the commissioner's signature is checked", async () => {
    const { connection, file } = await signedRound();
    connection.close();
    rechain(file, (raw) => {
      const notice = raw.prepare("SELECT id, content FROM notices WHERE status = 'signed'").get() as {
        id: number;
        content: string;
      };
      const content = JSON.parse(notice.content) as { signature: { interests: string } };
      content.signature.interests = 'None, and the board chose the bids';
      const edited = JSON.stringify(content);
      raw
        .prepare('UPDATE notices SET content = ?, fingerprint = ? WHERE id = ?')
        .run(edited, createHash('sha256').update(canonicalJson(content)).digest('hex'), notice.id);
      recordRowsAsTheyStand(raw, 'notices');
    });
    const verified = await cli(['--db', file, 'verify', '--json']);
    expect(verified.code).toBe(2);
    expect(JSON.parse(verified.stdout).problems).toContainEqual(
      expect.stringMatching(/decision .*the commissioner's signature does not hold over its content/),
    );
  });

  it('cannot re-order the chain and link it again', async () => {
    const { connection, file } = await signedRound();
    const [first, second] = connection.sqlite
      .prepare("SELECT seq FROM audit_entries WHERE operation = 'allocation:set' ORDER BY seq")
      .pluck()
      .all() as number[];
    connection.close();
    rechain(file, (raw) => swapEntries(raw, first!, second!));
    const verified = await cli(['--db', file, 'verify', '--json']);
    expect(verified.code).toBe(2);
    expect(JSON.parse(verified.stdout).problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`Audit entry ${first} \\(allocation:set.*its signature does not hold`),
      ),
    );
  });

  it('cannot append an entry of its own making: an unsigned entry is not one of the named kinds', async () => {
    const { connection, file } = await signedRound();
    connection.close();
    rechain(file, (raw) => {
      const last = raw.prepare('SELECT seq, at FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as {
        seq: number;
        at: string;
      };
      raw.prepare("UPDATE bids SET requested_pence = 1 WHERE ref = 'B1'").run();
      const bids = auditedTables(raw).find((t) => t.name === 'bids')!;
      const row = [...rowReader(raw, bids).all()].find((r) => JSON.parse(r.image).ref === 'B1')!;
      raw
        .prepare(
          `INSERT INTO audit_entries (seq, at, person_id, person_name, key_fingerprint, operation, rounds,
             summary, input, changes_hash, prev_hash, hash)
           VALUES (?, ?, NULL, NULL, NULL, 'store:direct', '', 'Changed through the store', 'null', '', '', '')`,
        )
        .run(last.seq + 1, last.at);
      raw
        .prepare("INSERT INTO audit_changes VALUES (?, 0, 'bids', ?, 'update', ?)")
        .run(last.seq + 1, row.key, row.image);
    });
    const verified = await cli(['--db', file, 'verify', '--json']);
    expect(verified.code).toBe(2);
    expect(JSON.parse(verified.stdout).problems).toEqual([
      expect.stringMatching(/\(store:direct, .*is not signed by anyone/),
    ]);
  });

  it("cannot restore another office's backup, or a backup with a re-chained audit", async () => {
    const office = await signedRound();
    const other = await signedRound();
    const bid = office.connection.sqlite
      .prepare("SELECT id FROM bids WHERE ref = 'B1'")
      .pluck()
      .get() as number;
    office.connection.close();
    other.connection.close();
    const asLead = (file: string, ...args: string[]) =>
      cli(['--db', file, '--as', 'Dan Hughes', ...args], { TRANCHE_PASSPHRASE: TEST_PASSPHRASE });
    const dir = tempDir();
    const theirs = path.join(dir, 'other-office.db');
    const ours = path.join(dir, 'ours.db');
    expect((await asLead(other.file, 'backup', '--out', theirs)).code).toBe(0);
    expect((await asLead(office.file, 'backup', '--out', ours)).code).toBe(0);
    rechain(ours, (raw) => {
      raw.prepare('UPDATE scores SET score = 5 WHERE bid_id = ?').run(bid);
      recordRowsAsTheyStand(raw, 'scores');
    });
    const before = hashOf(office.file);

    const foreign = await asLead(office.file, 'restore', theirs);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/is a backup of another office's database \(office [0-9a-f]{32}\)/);
    const rechained = await asLead(office.file, 'restore', ours);
    expect(rechained.code).toBe(2);
    expect(rechained.stderr).toMatch(/was not restored: .*its signature does not hold/);
    expect(hashOf(office.file)).toBe(before);
    expect(existsSync(`${office.file}.restoring`)).toBe(false);
  });

  describe("with an assessor's key and a return already received", () => {
    /** Eve scores S1 on her laptop, submits and returns it; the office receives it. */
    async function submittedReturn() {
      const { ctx, connection } = testContext();
      must(await dispatch('demo:load', {}, ctx));
      ctx.store.rounds.setStage(1, 'assessment', ctx.now());
      const lead = actingAs(ctx, 'Dan Hughes');
      const eve = { name: 'Eve Ward', role: 'policy_officer', passphrase: TEST_PASSPHRASE } as const;
      must(await dispatch('people:add', eve, lead));
      must(await dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
      const pack = must(
        await dispatch('packs:make', { kind: 'assessor', roundId: 1, personName: 'Eve Ward' }, lead),
      );
      const laptop = testContext();
      const code = { enrolmentCode: pack.enrolmentCode ?? '', newPassphrase: 'eve on the train' };
      const { roundId } = must(
        await dispatch('packs:open', { bytesBase64: pack.bytesBase64, ...code }, laptop.ctx),
      );
      const bid = laptop.ctx.store.bids.findByRef(roundId, 'S1')!;
      must(await dispatch('assessment:declare', { roundId, bidRefs: ['S1'], conflict: false }, laptop.ctx));
      const criteria = laptop.ctx.store.frameworks.forRound(roundId)!.criteria;
      const scores = criteria.map((c) => ({
        criterionId: c.id,
        score: c.gateway ? 1 : 2,
        justification: 'Scored on the train from the business case',
      }));
      must(await dispatch('assessment:score', { bidId: bid.id, submit: true, scores }, laptop.ctx));
      const genuine = must(await dispatch('packs:return', { roundId }, laptop.ctx));
      must(await dispatch('packs:receive', { bytesBase64: genuine.bytesBase64 }, lead));
      const key = keyOf(laptop.file, 'Eve Ward', 'eve on the train');
      /** Eve's return changed as she likes, signed with her own key, as a later return. */
      const crafted = (change: (payload: Record<string, unknown>) => void) => {
        const { body } = readPack(Buffer.from(genuine.bytesBase64, 'base64'));
        body.header.packId = randomUUID();
        body.header.sequence += 1;
        change(body.payload as Record<string, unknown>);
        return writePack(body, key).toString('base64');
      };
      return { ctx, connection, lead, crafted };
    }

    it('cannot change a submitted sheet with a later return', async () => {
      const { connection, lead, crafted } = await submittedReturn();
      const before = databaseHash(connection);
      const later = crafted((payload) => {
        for (const s of payload.scores as { score: number; at: string }[]) {
          s.score = s.score === 1 ? 1 : 5;
          s.at = '2026-11-22T12:00:00.000Z';
        }
      });
      expect(await dispatch('packs:receive', { bytesBase64: later }, lead)).toMatchObject({
        ok: false,
        error: {
          message: expect.stringContaining("Eve Ward's scoring sheet for S1 is submitted at the office"),
        },
      });
      expect(databaseHash(connection)).toBe(before);
    });

    it("cannot write someone else's rows: a board member's views from an assessor", async () => {
      const { ctx, connection, lead, crafted } = await submittedReturn();
      // Moved on past the rules, so that only the new check can refuse what follows.
      ctx.store.transaction(() => ctx.store.rounds.setStage(1, 'board', ctx.now()));
      const before = databaseHash(connection);
      const views = crafted((payload) => {
        for (const key of Object.keys(payload)) delete payload[key];
        Object.assign(payload, {
          of: 'board',
          views: [{ ref: 'S1', view: 'do_not_support', comment: 'Weak', meetingOn: null, at: ctx.now() }],
        });
      });
      expect(await dispatch('packs:receive', { bytesBase64: views }, lead)).toMatchObject({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringContaining('This office sent Eve Ward no board pack'),
        },
      });
      expect(databaseHash(connection)).toBe(before);
    });
  });
});
