import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { must } from '../audit/signed-round';
import { actingAs, TEST_KDF, testContext } from '../support/temp-db';

// Issue 17: the lead officer who adds a new lead officer sees their one-time enrolment code, so
// they can enrol in that person's name first. The commissioner's approval therefore waits until
// the person has enrolled, and names the key they then hold: the commissioner compares its
// fingerprint with the one the real person sees, and the real person, finding their code used,
// is told to tell the commissioner.

describe('a lead officer who enrols with the code they were shown', () => {
  it('cannot have the commissioner approve a name without seeing whose key it is', async () => {
    const { ctx } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    const dan = actingAs(ctx, 'Dan Hughes');
    const pat = actingAs(ctx, 'Pat Morgan');
    const nobody = createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF });
    const tim = must(await dispatch('people:add', { name: 'Tim Temporary', role: 'lead_officer' }, dan));
    expect(tim).toMatchObject({ pending: true, enrolmentCode: expect.any(String) });

    // Before anyone has enrolled as Tim, the commissioner cannot approve the name alone.
    expect(await dispatch('people:approve', { personId: tim.id }, pat)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(
          /^Tim Temporary has not enrolled yet: they must choose their passphrase first/,
        ),
      }),
    });
    expect(ctx.store.approvals.list()).toEqual([]);
    expect(ctx.store.people.get(tim.id)?.pendingSince).not.toBeNull();

    // Dan uses the code he was shown, with a passphrase of his own.
    const forged = must(
      await dispatch(
        'people:enrol',
        { personId: tim.id, enrolmentCode: tim.enrolmentCode!, passphrase: 'dan keeps this one to himself' },
        nobody,
      ),
    );
    // The real Tim finds his code used, and is told to tell the commissioner, who has not approved.
    const real = await dispatch(
      'people:enrol',
      { personId: tim.id, enrolmentCode: tim.enrolmentCode!, passphrase: 'tim picks his own words' },
      nobody,
    );
    expect(real).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('tell the commissioner now, before they approve any role') },
    });

    // The approval shows, and the signed statement names, the key Dan chose: not one Tim holds.
    const approved = must(await dispatch('people:approve', { personId: tim.id }, pat));
    expect(approved.fingerprint).toBe(forged.fingerprint);
    const [approval] = ctx.store.approvals.list();
    expect(JSON.parse(approval!.statement)).toMatchObject({
      kind: 'tranche-role-approval/2',
      person: { id: tim.id, name: 'Tim Temporary', fingerprint: forged.fingerprint },
    });
  });
});
