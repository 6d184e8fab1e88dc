import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

// The readiness list before a notice goes for sign-off or is signed: what blocks, what needs a
// recorded reason, and what is only noted; and the round's progress, task by task.

/** The demo round with B1 and C1 allocated over B2 (with a reason), at its decision stage. */
async function allocated(atBoard?: (lead: HandlerContext) => Promise<void>) {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  const as = (name: string) => actingAs(ctx, name);
  const lead = as('Dan Hughes');
  if (atBoard) {
    await moveRoundTo(lead, 1, 'board');
    await atBoard(lead);
  }
  for (const [ref, option] of [
    ['B1', 'reduced'],
    ['C1', 'full'],
  ] as const)
    await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: ref, option, conditions: '', reason: 'B2 is deferred to the next tranche' },
      lead,
    );
  await moveRoundTo(lead, 1, 'decision');
  return { ctx, as, lead };
}

const levels = (r: { ok: boolean; value?: { items: { level: string; message: string }[] } }) =>
  (r.ok ? r.value!.items : []).map((i) => `${i.level}: ${i.message}`);

describe('the readiness list', () => {
  it('warns of open moderation, no board views and missing contact details; notes departures and reasons', async () => {
    const { lead } = await allocated();
    const readiness = await dispatch('notices:readiness', { roundId: 1 }, lead);
    expect(readiness).toMatchObject({ ok: true, value: { blocking: 0, warnings: 3 } });
    expect(levels(readiness)).toEqual([
      expect.stringMatching(/^warning: Moderation is still open on B1, SS1/),
      expect.stringMatching(/^warning: No board views are recorded/),
      'warning: The notice has no contact officer, telephone or email: it would print blank',
      expect.stringMatching(/^noted: B1 \(ranked 3rd\) is funded while B2 .*Reason recorded: B2 is deferred/),
      expect.stringMatching(/^noted: C1 \(ranked 4th\) is funded while B2 .*Reason recorded: B2 is deferred/),
    ]);
    const links = readiness.ok ? readiness.value.items.map((i) => i.page) : [];
    expect(links).toEqual(['moderation', 'board', 'notice', 'allocation', 'allocation']);
  });

  it('shows what makes the decision unsound as blocking, and the write is refused whatever the reason', async () => {
    const { ctx, as, lead } = await allocated();
    const dan = ctx.store.people.findByName('Dan Hughes')!;
    ctx.store.scoring.assign(ctx.store.bids.findByRef(1, 'S1')!.id, dan.id, ctx.now());
    const readiness = await dispatch('notices:readiness', { roundId: 1 }, lead);
    expect(readiness).toMatchObject({ ok: true, value: { blocking: 1 } });
    expect(readiness.ok && readiness.value.items[0]).toEqual({
      level: 'blocking',
      message: 'Dan Hughes has not submitted scores for S1',
      page: 'assessment',
      fix: 'See the scoring',
    });
    await dispatch('notices:create', { roundId: 1 }, lead);
    expect(
      await dispatch('notices:ready', { roundId: 1, readinessReason: 'We must go ahead' }, lead),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('Dan Hughes has not submitted scores for S1'),
      },
    });
    expect(
      await dispatch('notices:sign', { roundId: 1, readinessReason: 'We must go ahead' }, as('Pat Morgan')),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ctx.store.notices.forRound(1)[0]?.status).toBe('draft');
  });

  it('needs a reason to go ahead despite warnings, then records it on the notice and in the history', async () => {
    const { ctx, as, lead } = await allocated();
    await dispatch('notices:create', { roundId: 1 }, lead);
    const refused = await dispatch('notices:ready', { roundId: 1 }, lead);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining(
          'Give the reason the decision can be sent for sign-off as it stands',
        ),
        issues: [{ path: 'readinessReason' }],
      },
    });
    expect(refused.ok ? '' : refused.error.message).toContain('No board views are recorded');
    // A blank reason is no reason.
    expect(await dispatch('notices:ready', { roundId: 1, readinessReason: '   ' }, lead)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(ctx.store.notices.forRound(1)[0]?.status).toBe('draft');

    const sent = await dispatch(
      'notices:ready',
      { roundId: 1, readinessReason: 'The board met in private; its views are minuted separately' },
      lead,
    );
    expect(sent).toMatchObject({
      ok: true,
      value: { status: 'ready', sentReason: 'The board met in private; its views are minuted separately' },
    });

    const pat = as('Pat Morgan');
    expect(await dispatch('notices:sign', { roundId: 1 }, pat)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'readinessReason' }] },
    });
    const signed = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'Moderation of B1 and SS1 would not change the awards' },
      pat,
    );
    expect(signed).toMatchObject({
      ok: true,
      value: {
        status: 'signed',
        sentReason: 'The board met in private; its views are minuted separately',
        signedReason: 'Moderation of B1 and SS1 would not change the awards',
      },
    });
    const history = await dispatch('audit:history', { roundId: 1 }, lead);
    const summaries = history.ok ? history.value.map((e) => e.summary) : [];
    expect(summaries).toContainEqual(
      expect.stringContaining(
        'Sent the notice for sign-off: going ahead because: The board met in private; its views are minuted separately',
      ),
    );
    expect(summaries).toContainEqual(
      expect.stringContaining(
        'Signed the decision notice: going ahead because: Moderation of B1 and SS1 would not change the awards',
      ),
    );
  });

  it('needs no reason once nothing is left to warn of', async () => {
    const { as, lead } = await allocated(async (lead) => {
      const framework = await dispatch('frameworks:get', { roundId: 1 }, lead);
      if (!framework.ok || !framework.value) throw new Error('no framework');
      for (const bidRef of ['B1', 'SS1'])
        for (const c of framework.value.criteria)
          await dispatch(
            'assessment:moderate',
            { roundId: 1, bidRef, criterion: c.code, score: 3, reason: 'Agreed at moderation' },
            lead,
          );
      await dispatch('board:recordView', { roundId: 1, bidRef: 'C1', view: 'support' }, lead);
      await dispatch(
        'office:set',
        {
          contactOfficer: 'Alex Officer',
          telephone: '0121 000 0000',
          email: 'grants@example.org',
          numberPrefix: '',
        },
        lead,
      );
    });
    const readiness = await dispatch('notices:readiness', { roundId: 1 }, lead);
    expect(readiness).toMatchObject({ ok: true, value: { blocking: 0, warnings: 0 } });
    expect(levels(readiness).every((l) => l.startsWith('noted: '))).toBe(true);
    expect(await dispatch('notices:sign', { roundId: 1 }, as('Pat Morgan'))).toMatchObject({
      ok: true,
      value: { status: 'signed', signedReason: null },
    });
  });

  it('keeps ranks out of the list for whoever may not see the ranking', async () => {
    const { ctx, lead } = await allocated();
    // Dan Hughes, a lead officer, assigned to S1 and yet to score it, may not see the ranking.
    ctx.store.scoring.assign(
      ctx.store.bids.findByRef(1, 'S1')!.id,
      lead.store.people.findByName('Dan Hughes')!.id,
      ctx.now(),
    );
    const readiness = await dispatch('notices:readiness', { roundId: 1 }, lead);
    const noted = levels(readiness).filter((l) => l.startsWith('noted'));
    expect(noted).toEqual([
      'noted: B1 is awarded away from the ranking. Reason recorded: B2 is deferred to the next tranche',
      'noted: C1 is awarded away from the ranking. Reason recorded: B2 is deferred to the next tranche',
    ]);
    expect(levels(readiness).join()).not.toMatch(/ranked|SS1/);
    expect(levels(readiness)).toContain(
      'warning: Moderation is still open on some bids (which ones shows once your own scores are in)',
    );
  });

  it('is for lead officers and the commissioner', async () => {
    const { as } = await allocated();
    expect(await dispatch('notices:readiness', { roundId: 1 }, as('Asha Patel'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch('notices:readiness', { roundId: 1 }, as('Pat Morgan'))).toMatchObject({ ok: true });
  });
});

describe('the round progress', () => {
  it('counts every task in one place, with the next thing to do', async () => {
    const { lead } = await allocated();
    const progress = await dispatch('rounds:progress', { roundId: 1 }, lead);
    if (!progress.ok) throw new Error(progress.error.message);
    const task = (key: string) => progress.value.tasks.find((t) => t.key === key);
    expect(progress.value.tasks.map((t) => t.key)).toEqual([
      'bids',
      'framework',
      'assessors',
      'declarations',
      'scoring',
      'moderation',
      'shortlist',
      'board',
      'allocation',
      'notice',
    ]);
    expect(task('bids')).toMatchObject({ status: 'done', count: '13 bids' });
    expect(task('scoring')).toMatchObject({ status: 'done', count: '38 of 38 scoring sheets submitted' });
    expect(task('declarations')).toMatchObject({ count: '39 of 39 assignments declared, 1 conflict' });
    expect(task('moderation')).toMatchObject({
      status: 'attention',
      count: 'Open on 2 bids',
      page: 'moderation',
    });
    expect(task('board')).toMatchObject({ status: 'not_started', count: 'None recorded', page: 'board' });
    expect(task('allocation')).toMatchObject({ status: 'done', count: '2 awards, £125,000 of £320,000' });
    expect(task('notice')).toMatchObject({ status: 'not_started', next: 'Draft the notice', page: 'notice' });
    expect(progress.value.assessors).toContainEqual({
      person: 'Ben Clarke',
      submitted: 12,
      expected: 12,
      conflicts: 1,
    });
  });

  it('follows the round: a new round has bids to import and nothing to score yet', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const lead = actingAs(ctx, 'Dan Hughes');
    const round = await dispatch(
      'rounds:create',
      { fund: 'Invest to Save', name: 'Empty round', budgetPence: 1_000 },
      lead,
    );
    if (!round.ok) throw new Error(round.error.message);
    const progress = await dispatch('rounds:progress', { roundId: round.value.id }, lead);
    if (!progress.ok) throw new Error(progress.error.message);
    expect(progress.value.tasks[0]).toMatchObject({
      status: 'not_started',
      page: 'import',
      next: 'Import a schedule of bids',
    });
    expect(progress.value.tasks.find((t) => t.key === 'scoring')).toMatchObject({ status: 'cannot_start' });
  });

  it('shows assessors only counts: moderation and the shortlist stay with those who may see the ranking', async () => {
    const { as } = await allocated();
    const progress = await dispatch('rounds:progress', { roundId: 1 }, as('Asha Patel'));
    if (!progress.ok) throw new Error(progress.error.message);
    for (const key of ['moderation', 'shortlist'])
      expect(progress.value.tasks.find((t) => t.key === key)).toMatchObject({ status: 'hidden' });
    expect(JSON.stringify(progress.value)).not.toMatch(/Open on|shortlisted/);
    expect(progress.value.tasks.find((t) => t.key === 'scoring')).toMatchObject({ status: 'done' });
  });
});
