import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { TEST_KDF, TEST_PASSPHRASE as P, actingAs, testContext } from '../support/temp-db';
import { addPerson, enrolAs } from '../support/people';

// A lead officer changes people's roles and retires them. A retired person cannot act or be
// assigned, and stays in the record; the office always keeps an active lead officer.

async function office() {
  const { ctx } = testContext();
  await dispatch('people:setProfile', { name: 'Lee Lead', passphrase: P }, ctx);
  for (const [name, role] of [
    ['Amy Officer', 'policy_officer'],
    ['Pat Commissioner', 'commissioner'],
  ] as const)
    expect(await addPerson({ name, role }, ctx)).toMatchObject({ ok: true });
  const id = (name: string) => ctx.store.people.findByName(name)!.id;
  return { ctx, lee: ctx, id };
}

describe("people's roles and retirement", () => {
  it('lets a lead officer change a role, and nobody else', async () => {
    const { ctx, lee, id } = await office();
    expect(
      await dispatch(
        'people:setRole',
        { personId: id('Amy Officer'), role: 'board member' },
        actingAs(ctx, 'Amy Officer'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Only a lead officer') },
    });
    expect(ctx.store.people.findByName('Amy Officer')?.role).toBe('policy_officer');
    expect(
      await dispatch('people:setRole', { personId: id('Amy Officer'), role: 'board member' }, lee),
    ).toMatchObject({ ok: true, value: { name: 'Amy Officer', role: 'board_member', retiredAt: null } });
    // The new role holds at once: a board member may not score.
    expect(await dispatch('assessment:myBids', { roundId: 1 }, actingAs(ctx, 'Amy Officer'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('never leaves the office without an active lead officer', async () => {
    const { ctx, lee, id } = await office();
    const demote = await dispatch(
      'people:setRole',
      { personId: id('Lee Lead'), role: 'policy_officer' },
      lee,
    );
    expect(demote).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Lee Lead is the last active lead officer and cannot be made a policy officer: ' +
          'add or promote another lead officer first',
      },
    });
    expect(await dispatch('people:retire', { personId: id('Lee Lead') }, lee)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('last active lead officer and cannot be retired'),
      },
    });
    // With a second lead officer, the first may step down; a retired lead does not count.
    await dispatch('people:setRole', { personId: id('Amy Officer'), role: 'lead_officer' }, lee);
    // Until the commissioner approves her, Amy is not a lead officer, so Lee still may not go.
    expect(await dispatch('people:retire', { personId: id('Lee Lead') }, lee)).toMatchObject({ ok: false });
    await dispatch('people:approve', { personId: id('Amy Officer') }, actingAs(ctx, 'Pat Commissioner'));
    expect(await dispatch('people:retire', { personId: id('Amy Officer') }, lee)).toMatchObject({ ok: true });
    expect(await dispatch('people:retire', { personId: id('Lee Lead') }, lee)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(ctx.store.people.findByName('Lee Lead')?.role).toBe('lead_officer');
  });

  it('stops a retired person acting: their session ends and their passphrase no longer unlocks', async () => {
    const { ctx, lee, id } = await office();
    const amy = actingAs(ctx, 'Amy Officer');
    const retired = await dispatch('people:retire', { personId: id('Amy Officer') }, lee);
    expect(retired).toMatchObject({
      ok: true,
      value: { name: 'Amy Officer', retiredAt: expect.any(String) },
    });
    expect(await dispatch('people:me', {}, amy)).toEqual({ ok: true, value: null });
    const again = await dispatch(
      'people:setProfile',
      { personId: id('Amy Officer'), passphrase: P },
      createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF }),
    );
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/^Amy Officer retired on 22 November 2026 and can no longer act/),
      },
    });
    // Still in the record: listed, with their role, and not to be retired or changed twice.
    const people = await dispatch('people:list', {}, lee);
    expect(people.ok && people.value.find((p) => p.name === 'Amy Officer')).toMatchObject({
      role: 'policy_officer',
      retiredAt: expect.any(String),
    });
    expect(await dispatch('people:retire', { personId: id('Amy Officer') }, lee)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('retired on') },
    });
    expect(
      await dispatch('people:setRole', { personId: id('Amy Officer'), role: 'lead_officer' }, lee),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('refuses to assign a retired person to assess bids, and keeps their past scores', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const dan = actingAs(ctx, 'Dan Hughes');
    const asha = ctx.store.people.findByName('Asha Patel')!;
    const scored = ctx.store.scoring.submissionsForRound(1).filter((s) => s.personId === asha.id).length;
    expect(scored).toBeGreaterThan(0);
    expect(await dispatch('people:retire', { personId: asha.id }, dan)).toMatchObject({ ok: true });
    expect(
      await dispatch('assessment:assign', { roundId: 2, assessor: 'Asha Patel', all: true }, dan),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('a retired person cannot be assigned') },
    });
    expect(ctx.store.scoring.submissionsForRound(1).filter((s) => s.personId === asha.id)).toHaveLength(
      scored,
    );
    const progress = await dispatch('assessment:progress', { roundId: 1 }, dan);
    expect(progress.ok && progress.value.assessors.map((a) => a.person)).toContain('Asha Patel');
  });

  it('names the commissioner in office: not one waiting for approval; after a hand-over, the new one', async () => {
    const { ctx, lee, id } = await office();
    const sitting = async () => {
      const list = await dispatch('people:list', {}, lee);
      if (!list.ok) throw new Error(list.error.message);
      return list.value.filter((p) => p.sittingCommissioner).map((p) => p.name);
    };
    expect(await sitting()).toEqual(['Pat Commissioner']);
    const added = await dispatch('people:add', { name: 'Nia Next', role: 'commissioner' }, lee);
    expect(added).toMatchObject({ ok: true, value: { pending: true, sittingCommissioner: false } });
    expect(await sitting()).toEqual(['Pat Commissioner']);
    // Nia chooses her passphrase first: the approval names the key she then holds.
    if (!added.ok) throw new Error(added.error.message);
    const before = ctx.store.approvals.list().length;
    expect(
      await dispatch('people:approve', { personId: id('Nia Next') }, actingAs(ctx, 'Pat Commissioner')),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('they must choose their passphrase first'),
      },
    });
    expect(ctx.store.approvals.list()).toHaveLength(before);
    expect(await sitting()).toEqual(['Pat Commissioner']);
    const nia = await enrolAs(ctx, id('Nia Next'), added.value.enrolmentCode!);
    const approved = await dispatch(
      'people:approve',
      { personId: id('Nia Next') },
      actingAs(ctx, 'Pat Commissioner'),
    );
    expect(approved).toMatchObject({
      ok: true,
      value: { name: 'Nia Next', sittingCommissioner: true, fingerprint: nia.fingerprint },
    });
    expect(await sitting()).toEqual(['Nia Next']);
  });
});
