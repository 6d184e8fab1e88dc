import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { createContext } from '../../electron/handlers/context';
import { verifyBytes } from '../../electron/identity/keys';
import { databaseHash } from '../support/database-hash';
import { actingAs, TEST_KDF, TEST_PASSPHRASE, tempDir, testContext, unlockAs } from '../support/temp-db';
import { IDLE_LOCK_MS, Session } from '../../electron/identity/session';
import { must, signedRound, tamper } from '../audit/signed-round';
import { cli, hashOf, keyOf } from '../support/pack-cli';
import { readPack, writePack } from '../../electron/packs/format';
import type { HandlerContext } from '../../electron/handlers/context';
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

  it('cannot make a commissioner alone: the new commissioner waits for the sitting one, and cannot sign', async () => {
    const { ctx, connection, lead } = await signedRound();
    must(await dispatch('notices:supersede', { roundId: 1 }, lead));
    // Dan Hughes adds a commissioner, and enrols them himself with the code he was shown.
    const added = must(await dispatch('people:add', { name: 'Sam Signer', role: 'commissioner' }, lead));
    expect(added).toMatchObject({ role: 'commissioner', pending: true, enrolmentCode: expect.any(String) });
    must(
      await dispatch(
        'people:enrol',
        { personId: added.id, enrolmentCode: added.enrolmentCode!, passphrase: 'a phrase only dan knows' },
        nobody(ctx),
      ),
    );
    const before = databaseHash(connection);
    // Sam cannot act at all until Pat Morgan approves, so cannot sign.
    const asSam = await dispatch(
      'people:setProfile',
      { personId: added.id, passphrase: 'a phrase only dan knows' },
      nobody(ctx),
    );
    expect(asSam).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringContaining('waiting for the commissioner to approve'),
      },
    });
    const signed = await dispatch('notices:sign', { roundId: 1, readinessReason: 'Agreed' }, lead);
    expect(signed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nor can Dan remove the sitting commissioner to make room, or approve the grant himself.
    const pat = ctx.store.people.findByName('Pat Morgan')!.id;
    for (const [channel, input] of [
      ['people:retire', { personId: pat }],
      ['people:setRole', { personId: pat, role: 'board_member' }],
      ['people:approve', { personId: added.id }],
    ] as const)
      expect(await dispatch(channel, input, lead), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(databaseHash(connection)).toBe(before);
    expect(ctx.store.people.sittingCommissioner()?.name).toBe('Pat Morgan');
  });

  it('cannot promote themselves through a second lead officer: each grant waits for the commissioner', async () => {
    const { ctx, connection, lead, as } = await signedRound();
    must(await dispatch('notices:supersede', { roundId: 1 }, lead));
    const dan = ctx.store.people.findByName('Dan Hughes')!.id;
    // A temporary second lead officer, enrolled by Dan with the code he was shown.
    const temp = must(await dispatch('people:add', { name: 'Tim Temporary', role: 'lead_officer' }, lead));
    expect(temp.pending).toBe(true);
    must(
      await dispatch(
        'people:enrol',
        { personId: temp.id, enrolmentCode: temp.enrolmentCode!, passphrase: 'tim is really dan here' },
        nobody(ctx),
      ),
    );
    const tim = await dispatch(
      'people:setProfile',
      { personId: temp.id, passphrase: 'tim is really dan here' },
      nobody(ctx),
    );
    expect(tim).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Only the sitting commissioner approves, with their key; then the grant holds.
    must(await dispatch('people:approve', { personId: temp.id }, as('Pat Morgan')));
    const approval = ctx.store.approvals.forPerson(temp.id)[0]!;
    expect(approval).toMatchObject({ role: 'lead_officer', approverFingerprint: expect.any(String) });
    const patKey = ctx.store.identities.get(ctx.store.people.findByName('Pat Morgan')!.id)!;
    expect(verifyBytes(patKey.publicKey, Buffer.from(approval.statement), approval.signature)).toBe(true);
    // Dan makes himself commissioner: it waits, and meanwhile he is still a lead officer.
    expect(
      must(await dispatch('people:setRole', { personId: dan, role: 'commissioner' }, lead)),
    ).toMatchObject({ role: 'commissioner', pending: true, roleBefore: 'lead_officer' });
    const before = databaseHash(connection);
    const signed = await dispatch('notices:sign', { roundId: 1, readinessReason: 'Agreed' }, lead);
    expect(signed).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/Dan Hughes is a lead officer until the commissioner approves/),
      },
    });
    // Neither he nor his second lead officer can approve it.
    for (const who of [lead, actingAs(ctx, 'Tim Temporary', 'tim is really dan here')])
      expect(await dispatch('people:approve', { personId: dan }, who)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(databaseHash(connection)).toBe(before);
    // Every grant, approval and role change is in the history of people, in sentences.
    const history = must(await dispatch('people:history', {}, as('Pat Morgan'))).map((e) => e.summary);
    expect(history).toEqual(
      expect.arrayContaining([
        "Added Tim Temporary as lead officer, waiting for the commissioner's approval",
        'Tim Temporary chose their own passphrase with their enrolment code',
        "Approved Tim Temporary as lead officer, signed with the commissioner's key",
        "Made Dan Hughes commissioner, waiting for the commissioner's approval",
      ]),
    );
    expect(await dispatch('people:history', {}, as('Asha Patel'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it("cannot enrol with a wrong, reused or someone else's code: one line, exit 2, nothing changed", async () => {
    const { file, connection } = await signedRound();
    connection.close();
    const asDan = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE };
    const add = async (name: string) => {
      const out = await cli(
        [
          '--db',
          file,
          '--as',
          'Dan Hughes',
          'people',
          'add',
          '--name',
          name,
          '--role',
          'policy officer',
          '--json',
        ],
        asDan,
      );
      expect(out.code, out.stderr).toBe(0);
      const added = JSON.parse(out.stdout) as Record<string, unknown>;
      expect(Object.keys(added).sort()).toEqual(['enrolmentCode', 'name', 'pending', 'role']);
      return added.enrolmentCode as string;
    };
    const annCode = await add('Ann Able');
    const benCode = await add('Ben Baker');
    // The code itself is nowhere in the database: only a salted hash of it.
    const raw = new Database(file, { readonly: true });
    const dump =
      JSON.stringify(raw.prepare('SELECT * FROM enrolment_codes').all()) +
      JSON.stringify(raw.prepare('SELECT * FROM audit_entries').all());
    raw.close();
    expect(dump).not.toContain(annCode);
    expect(dump).not.toContain(annCode.replaceAll('-', ''));
    const enrol = (name: string, code: string) =>
      cli(['--db', file, 'people', 'enrol', '--name', name, '--code', code], {
        TRANCHE_NEW_PASSPHRASE: 'my own words chosen alone',
      });
    const refusedUnchanged = async (name: string, code: string, message: RegExp) => {
      const before = hashOf(file);
      const out = await enrol(name, code);
      expect(out.code, out.stdout).toBe(2);
      expect(out.stderr.split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(message);
      expect(hashOf(file)).toBe(before);
    };
    await refusedUnchanged('Ann Able', 'ABCD-EFGH-JKLM', /That is not Ann Able's enrolment code/);
    await refusedUnchanged('Ann Able', benCode, /That is not Ann Able's enrolment code/);
    await refusedUnchanged('Ann Able', 'not a code', /That is not an enrolment code/);
    expect((await enrol('Ann Able', annCode.toLowerCase())).code).toBe(0);
    await refusedUnchanged('Ann Able', annCode, /already chosen their passphrase.*works once/);
    // Ben's own code still works for Ben.
    expect((await enrol('Ben Baker', benCode)).code).toBe(0);
    // Ann acts with the passphrase she chose, which nobody else was ever told.
    const asAnn = { TRANCHE_PASSPHRASE: 'my own words chosen alone' };
    expect((await cli(['--db', file, '--as', 'Ann Able', 'people', 'list'], asAnn)).code).toBe(0);
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

  it("cannot sign at a commissioner's unlocked app: signing asks for the passphrase again", async () => {
    const { ctx, connection, lead } = await signedRound();
    must(await dispatch('notices:supersede', { roundId: 1 }, lead));
    // Pat unlocked the app a while ago (well inside the idle lock) and stepped away.
    let clock = Date.parse('2026-11-22T09:00:00Z');
    const session = new Session(IDLE_LOCK_MS, () => clock);
    const pat = unlockAs(
      createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF, session }),
      'Pat Morgan',
    );
    clock += 5 * 60_000;
    const sign = (passphrase?: string) =>
      dispatch(
        'notices:sign',
        { roundId: 1, readinessReason: 'Agreed', ...(passphrase === undefined ? {} : { passphrase }) },
        pat,
      );
    const before = databaseHash(connection);
    expect(await sign()).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Give your passphrase again to sign') },
    });
    expect(databaseHash(connection)).toBe(before);
    expect(await sign('a guess at it')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const signedNotices = () =>
      connection.sqlite.prepare("SELECT count(*) FROM notices WHERE status = 'signed'").pluck().get();
    expect(signedNotices()).toBe(1); // the one superseded, only
    expect(await sign(TEST_PASSPHRASE)).toMatchObject({ ok: true, value: { status: 'signed' } });
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
      const eve = { name: 'Eve Ward', role: 'policy_officer' } as const;
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

/** A fresh process over the same database, with nobody acting. */
const nobody = (ctx: HandlerContext) => createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF });
