import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { buildNoticePdf } from '../../electron/handlers/exports/notice';
import { checkNoticeSignature } from '../../electron/identity/notice-seal';
import { IDLE_LOCK_MS, Session } from '../../electron/identity/session';
import { verifyNoticePdf } from '../../electron/identity/signed-pdf';
import Database from 'better-sqlite3';
import { moveRoundTo } from '../support/stages';
import { addPerson } from '../support/people';
import { openDatabase } from '../../db/connection';
import {
  migrationsUpTo,
  tempDbFile,
  TEST_KDF,
  TEST_PASSPHRASE,
  actingAs,
  testContext,
} from '../support/temp-db';

// Identities over IPC: every refusal is a typed error and writes nothing.

const P = TEST_PASSPHRASE;

async function office() {
  const { ctx } = testContext();
  const lead = await dispatch('people:setProfile', { name: 'Lee Lead', passphrase: P }, ctx);
  expect(lead).toMatchObject({ ok: true, value: { name: 'Lee Lead', role: 'lead_officer' } });
  for (const [name, role] of [
    ['Amy Officer', 'policy_officer'],
    ['Pat Commissioner', 'commissioner'],
  ] as const)
    expect(await addPerson({ name, role }, ctx)).toMatchObject({ ok: true });
  return ctx;
}

/** A fresh process's view of the same database: nobody unlocked. */
const fresh = (ctx: ReturnType<typeof testContext>['ctx']) =>
  createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF });

const personId = (ctx: ReturnType<typeof testContext>['ctx'], name: string) =>
  ctx.store.people.findByName(name)!.id;

describe('identities', () => {
  it('sets up a new database with its first person, a lead officer, who is then acting', async () => {
    const { ctx } = testContext();
    expect(await dispatch('people:session', {}, ctx)).toMatchObject({ ok: true, value: { setup: 'empty' } });
    const asCommissioner = await dispatch(
      'people:setProfile',
      { name: 'Pat', role: 'commissioner', passphrase: P },
      ctx,
    );
    expect(asCommissioner).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ctx.store.people.count()).toBe(0);
    await dispatch('people:setProfile', { name: 'Lee Lead', passphrase: P }, ctx);
    expect(await dispatch('people:session', {}, ctx)).toMatchObject({
      ok: true,
      value: {
        state: 'unlocked',
        person: { name: 'Lee Lead' },
        setup: 'ready',
        fingerprint: expect.any(String),
      },
    });
  });

  it('acts as someone only with their passphrase: a wrong one is forbidden', async () => {
    const ctx = await office();
    const other = fresh(ctx);
    const wrong = await dispatch(
      'people:setProfile',
      { personId: personId(ctx, 'Pat Commissioner'), passphrase: 'not it at all' },
      other,
    );
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('not') },
    });
    expect(await dispatch('people:me', {}, other)).toEqual({ ok: true, value: null });
    const right = await dispatch(
      'people:setProfile',
      { personId: personId(ctx, 'Pat Commissioner'), passphrase: P },
      other,
    );
    expect(right).toMatchObject({ ok: true, value: { name: 'Pat Commissioner' } });
    expect(await dispatch('people:me', {}, other)).toMatchObject({ value: { name: 'Pat Commissioner' } });
  });

  it('never lets anyone grant themselves a role or add people unless a lead officer', async () => {
    const ctx = await office();
    const amy = actingAs(ctx, 'Amy Officer');
    const byOfficer = await dispatch('people:add', { name: 'Sam', role: 'commissioner', passphrase: P }, amy);
    expect(byOfficer).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Only a lead officer can add people; Amy Officer is a policy officer',
      },
    });
    // setProfile no longer creates people once anyone has a passphrase, whatever role is asked for.
    for (const role of ['commissioner', 'lead_officer', undefined])
      expect(
        await dispatch(
          'people:setProfile',
          { name: 'Amy Again', passphrase: P, ...(role ? { role } : {}) },
          amy,
        ),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await dispatch('people:add', { name: 'Nobody', role: 'lead_officer', passphrase: P }, fresh(ctx)),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ctx.store.people.count()).toBe(3);
    // A lead officer may, but never chooses the new person's passphrase: they get a one-time code.
    const lead = actingAs(ctx, 'Lee Lead');
    expect(
      await dispatch('people:add', { name: 'Bea Board', role: 'board member', passphrase: P }, lead),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('their own') },
    });
    expect(await dispatch('people:add', { name: 'Bea Board', role: 'board member' }, lead)).toMatchObject({
      ok: true,
      value: {
        role: 'board_member',
        pending: false,
        fingerprint: null,
        enrolmentCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      },
    });
  });

  it('refuses to act as someone who has no passphrase yet, until they enrol with a code', async () => {
    const ctx = await office();
    // As an older database left them: a person with no key.
    const oldId = ctx.store.people.create('Olu Older', 'policy_officer', ctx.now());
    const refused = await dispatch(
      'people:setProfile',
      { personId: oldId, passphrase: 'anything at all' },
      fresh(ctx),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('has no passphrase yet') },
    });
    expect(ctx.store.identities.get(oldId)).toBeUndefined();
    // Nobody, a lead officer included, sets it for them: without the code it is refused.
    const lead = actingAs(ctx, 'Lee Lead');
    expect(await dispatch('people:enrol', { personId: oldId, passphrase: P }, lead)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('enrolment code') },
    });
    expect(await dispatch('people:newCode', { personId: oldId }, actingAs(ctx, 'Amy Officer'))).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    const code = await dispatch('people:newCode', { personId: oldId }, lead);
    if (!code.ok) throw new Error(code.error.message);
    const enrol = (passphrase: string) =>
      dispatch(
        'people:enrol',
        { personId: oldId, enrolmentCode: code.value.enrolmentCode!, passphrase },
        fresh(ctx),
      );
    expect(await enrol(P)).toMatchObject({ ok: true });
    // Only once: after that only they can change it.
    expect(await enrol('taken over now by someone')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(actingAs(ctx, 'Olu Older')).toBeTruthy();
  });

  it('lets a database from before identities be claimed by a lead officer, and by nobody else', async () => {
    const { ctx } = testContext();
    const lead = ctx.store.people.create('Old Lead', 'lead_officer', ctx.now());
    const officer = ctx.store.people.create('Old Officer', 'policy_officer', ctx.now());
    expect(await dispatch('people:session', {}, ctx)).toMatchObject({ value: { setup: 'claim' } });
    expect(await dispatch('people:setProfile', { personId: officer, passphrase: P }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('must be a lead officer') },
    });
    expect(await dispatch('people:setProfile', { personId: lead, passphrase: P }, ctx)).toMatchObject({
      ok: true,
    });
    // The claim is made: nobody else can claim or create now.
    const late = fresh(ctx);
    expect(await dispatch('people:setProfile', { name: 'Late Lead', passphrase: P }, late)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await dispatch('people:setProfile', { personId: lead, passphrase: 'someone else’s' }, late),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('upgrades a database from before identities: people kept, none with a key, claimable by a lead', async () => {
    const file = tempDbFile();
    // 0010 is the migration that adds keys: build the database as the release before it left it.
    openDatabase(file, { migrationsFolder: migrationsUpTo(10) }).close();
    const old = new Database(file);
    const add = old.prepare('INSERT INTO people (name, role, created_at) VALUES (?, ?, ?)');
    add.run('Old Lead', 'lead_officer', '2026-01-01T00:00:00.000Z');
    add.run('Old Commissioner', 'commissioner', '2026-01-01T00:00:00.000Z');
    old.prepare("INSERT INTO settings (key, value) VALUES ('profile_person_id', '2')").run();
    old.close();
    const { ctx } = testContext(file);
    expect(ctx.store.people.list().map((p) => p.name)).toEqual(['Old Commissioner', 'Old Lead']);
    expect(ctx.store.identities.count()).toBe(0);
    // The old profile no longer acts for anyone: nobody is known until they prove a passphrase.
    expect(await dispatch('people:me', {}, ctx)).toEqual({ ok: true, value: null });
    expect(await dispatch('people:session', {}, ctx)).toMatchObject({
      value: { setup: 'claim', state: 'none' },
    });
    expect(
      await dispatch('people:enrol', { personId: personId(ctx, 'Old Commissioner'), passphrase: P }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await dispatch('people:enrol', { personId: personId(ctx, 'Old Lead'), passphrase: P }, ctx),
    ).toMatchObject({
      ok: true,
    });
    const lead = actingAs(ctx, 'Old Lead');
    const code = await dispatch('people:newCode', { personId: personId(ctx, 'Old Commissioner') }, lead);
    if (!code.ok) throw new Error(code.error.message);
    expect(
      await dispatch(
        'people:enrol',
        {
          personId: personId(ctx, 'Old Commissioner'),
          enrolmentCode: code.value.enrolmentCode!,
          passphrase: P,
        },
        fresh(ctx),
      ),
    ).toMatchObject({ ok: true });
    expect(actingAs(ctx, 'Old Commissioner')).toBeTruthy();
  });

  it('changes one’s own passphrase only with the current one', async () => {
    const ctx = await office();
    const amy = actingAs(ctx, 'Amy Officer');
    expect(
      await dispatch(
        'people:passphrase',
        { currentPassphrase: 'wrong guess', newPassphrase: 'new passphrase' },
        amy,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await dispatch('people:passphrase', { currentPassphrase: P, newPassphrase: 'new passphrase' }, amy),
    ).toMatchObject({ ok: true });
    expect(() => actingAs(ctx, 'Amy Officer')).toThrow(/not Amy Officer's passphrase/);
    expect(actingAs(ctx, 'Amy Officer', 'new passphrase')).toBeTruthy();
    expect(
      await dispatch(
        'people:passphrase',
        { currentPassphrase: P, newPassphrase: 'whatever else' },
        fresh(ctx),
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('never returns the sealed key or anything from which it could be read', async () => {
    const ctx = await office();
    const stored = ctx.store.identities.get(personId(ctx, 'Amy Officer'))!;
    const amy = actingAs(ctx, 'Amy Officer');
    const answers = await Promise.all([
      dispatch('people:list', {}, amy),
      dispatch('people:me', {}, amy),
      dispatch('people:session', {}, amy),
      dispatch('people:setProfile', { personId: personId(ctx, 'Amy Officer'), passphrase: P }, amy),
    ]);
    const text = JSON.stringify(answers);
    for (const secret of [stored.sealedPrivateKey, stored.salt, stored.nonce])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/privateKey|sealed/i);
  });

  it('locks after 15 minutes idle: the next request finds nobody, and the session says why', async () => {
    const ctx = await office();
    let clock = 0;
    const session = new Session(IDLE_LOCK_MS, () => clock);
    const app = createContext(ctx.store, ctx.appVersion, ctx.now, { session, kdf: TEST_KDF });
    await dispatch('people:setProfile', { personId: personId(ctx, 'Lee Lead'), passphrase: P }, app);
    clock += IDLE_LOCK_MS - 1000;
    expect(await dispatch('people:me', {}, app)).toMatchObject({ value: { name: 'Lee Lead' } });
    clock += IDLE_LOCK_MS - 1000; // busy just before: still unlocked
    expect(await dispatch('people:me', {}, app)).toMatchObject({ value: { name: 'Lee Lead' } });
    clock += IDLE_LOCK_MS + 1;
    const create = { fund: 'F', name: 'After lock', budgetPence: 100 };
    expect(await dispatch('rounds:create', create, app)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch('people:session', {}, app)).toMatchObject({
      value: { state: 'locked', lockedBy: 'idle', person: { name: 'Lee Lead' }, fingerprint: null },
    });
    await dispatch('people:setProfile', { personId: personId(ctx, 'Lee Lead'), passphrase: P }, app);
    expect(await dispatch('rounds:create', create, app)).toMatchObject({ ok: true });
    expect(await dispatch('people:lock', {}, app)).toMatchObject({
      value: { state: 'locked', lockedBy: 'locked' },
    });
    expect(await dispatch('people:me', {}, app)).toEqual({ ok: true, value: null });
  });

  it('keeps the demonstration out of a live database', async () => {
    const ctx = await office();
    const refused = await dispatch('demo:load', {}, actingAs(ctx, 'Lee Lead'));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('of its own') },
    });
    expect(ctx.store.people.findByName('Pat Morgan')).toBeUndefined();
    expect(ctx.store.rounds.list(true)).toEqual([]);
  });
});

describe('signed notices', () => {
  async function allocatedDemo() {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const lead = actingAs(ctx, 'Dan Hughes');
    await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: 'C1', option: 'full', reason: 'Chosen by the panel' },
      lead,
    );
    await moveRoundTo(lead, 1, 'decision');
    return ctx;
  }

  it('are signed with the commissioner’s key over the canonical content; a changed byte of it fails', async () => {
    const ctx = await allocatedDemo();
    const signed = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead' },
      actingAs(ctx, 'Pat Morgan'),
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const row = ctx.store.notices.get(signed.value.id)!;
    const pat = ctx.store.identities.get(personId(ctx, 'Pat Morgan'))!;
    expect(row).toMatchObject({ signerPublicKey: pat.publicKey, signerKeyFingerprint: pat.fingerprint });
    const seal = {
      contentSha256: row.fingerprint!,
      signature: row.signature!,
      publicKey: row.signerPublicKey!,
      keyFingerprint: row.signerKeyFingerprint!,
    };
    const content = JSON.parse(row.content!) as Record<string, unknown>;
    expect(checkNoticeSignature(content, seal)).toEqual([]);
    const changed = JSON.parse(
      row.content!.replace('"awardedPence":3500000', '"awardedPence":3500001'),
    ) as object;
    expect(checkNoticeSignature(changed, seal).length).toBeGreaterThan(0);

    const pdf = await dispatch('notices:export', { roundId: 1, format: 'pdf' }, ctx);
    if (!pdf.ok) throw new Error(pdf.error.message);
    const report = await verifyNoticePdf(Buffer.from(pdf.value.dataBase64, 'base64'), buildNoticePdf);
    expect(report).toMatchObject({ ok: true, signedBy: 'Pat Morgan', fingerprint: pat.fingerprint });
  });

  it('cannot be signed by a locked session or a wrong passphrase', async () => {
    const ctx = await allocatedDemo();
    const pat = fresh(ctx);
    expect(
      await dispatch(
        'people:setProfile',
        { personId: personId(ctx, 'Pat Morgan'), passphrase: 'guessing' },
        pat,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await dispatch('notices:sign', { roundId: 1, readinessReason: 'The board agreed to go ahead' }, pat),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(ctx.store.notices.forRound(1).filter((n) => n.status === 'signed')).toEqual([]);
  });
});
