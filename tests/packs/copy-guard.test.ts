import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { actingAs, testContext } from '../support/temp-db';

// On a round copy received in a pack, the rule book lets through only the recipient's own work.

describe('a round copy', () => {
  it('refuses every write but the recipient’s own declarations and scores', async () => {
    const { ctx } = testContext();
    expect((await dispatch('demo:load', {}, ctx)).ok).toBe(true);
    ctx.store.rounds.setStage(1, 'assessment', ctx.now());
    const uid = ctx.store.packs.roundIdentity(1)!.uid;
    ctx.store.packs.setRoundIdentity(1, uid, JSON.stringify({ kind: 'assessor', from: 'Dan Hughes' }));
    const lead = actingAs(ctx, 'Dan Hughes');
    const copyRefusal = {
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^This round is a copy from your office/) },
    };
    expect(await dispatch('rounds:setStage', { roundId: 1, to: 'board' }, lead)).toMatchObject(copyRefusal);
    expect(
      await dispatch('assessment:assign', { roundId: 1, assessor: 'Chloe Evans', bidRefs: ['S1'] }, lead),
    ).toMatchObject(copyRefusal);
    // Even a lead officer may not declare for someone else on a copy.
    const forAsha = await dispatch(
      'assessment:declare',
      { roundId: 1, assessor: 'Asha Patel', bidRefs: ['S1'], conflict: false },
      lead,
    );
    expect(forAsha).toMatchObject(copyRefusal);
    if (!forAsha.ok) expect(forAsha.error.message).toContain("not Asha Patel's");
    // Their own declaration passes the book (the handler then finds Dan is not assigned to S1).
    const own = await dispatch('assessment:declare', { roundId: 1, bidRefs: ['S1'], conflict: false }, lead);
    expect(own).toMatchObject({ ok: false, error: { message: 'Dan Hughes is not assigned to S1' } });
    // Delivery work belongs on a delivery pack's copy only, and a delivery copy takes nothing else.
    ctx.store.rounds.setStage(1, 'signed', ctx.now());
    const claim = { roundId: 1, bidRef: 'S1', amountPence: 100, period: '2026-27-Q1' };
    expect(await dispatch('claims:add', claim, lead)).toMatchObject(copyRefusal);
    ctx.store.packs.setRoundIdentity(1, uid, JSON.stringify({ kind: 'delivery', from: 'Dan Hughes' }));
    const deliveryOnly = {
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'This round is a copy from your office: only due diligence, claims and monitoring returns ' +
          'can be recorded here',
      },
    };
    expect(await dispatch('claims:approve', { roundId: 1, claimId: 1 }, lead)).toMatchObject(deliveryOnly);
    expect(
      await dispatch('grants:vary', { roundId: 1, bidRef: 'S1', amountPence: 1, reason: 'Less' }, lead),
    ).toMatchObject(deliveryOnly);
    // The claim passes the book there (the handler then finds no grant for S1 on this copy).
    expect(await dispatch('claims:add', claim, lead)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    ctx.store.rounds.setStage(1, 'assessment', ctx.now());
    // The office's own round is untouched by the rule.
    ctx.store.packs.setRoundIdentity(1, uid, null);
    expect(await dispatch('rounds:setStage', { roundId: 1, to: 'board' }, lead)).toMatchObject({ ok: true });
  });
});
