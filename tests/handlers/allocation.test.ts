import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

async function demo() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  return (name: string) => actingAs(ctx, name);
}

describe('allocation', () => {
  it('refuses B1 in full when only £40,000 remains, naming the shortfall, and changes nothing', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    // £280,000 allocated: B2 £95,000, S1 £50,000, D1 £50,000, C2 £38,000, SS4 £38,000, custom £9,000 to SS1.
    for (const ref of ['B2', 'S1', 'D1', 'C2', 'SS4'])
      expect((await dispatch('allocation:set', { roundId: 1, bidRef: ref, option: 'full' }, lead)).ok).toBe(
        true,
      );
    const custom = await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: 'SS1', option: 'custom', amountPence: 900_000, conditions: 'Two cameras only' },
      lead,
    );
    expect(custom).toMatchObject({
      ok: true,
      value: { allocatedPence: 28_000_000, remainingPence: 4_000_000 },
    });
    const refused = await dispatch('allocation:set', { roundId: 1, bidRef: 'B1', option: 'full' }, lead);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Allocating £100,000 to B1 would take the total to £380,000, £60,000 more than the £320,000 available: only £40,000 remains',
      },
    });
    expect(await dispatch('allocation:get', { roundId: 1 }, lead)).toMatchObject({
      ok: true,
      value: { allocatedPence: 28_000_000 },
    });
    expect(
      await dispatch(
        'allocation:set',
        { roundId: 1, bidRef: 'W2', option: 'custom', amountPence: 1_600_000 },
        lead,
      ),
    ).toMatchObject({ ok: false, error: { message: '£16,000 is more than the £15,000 W2 requested' } });
    expect(
      await dispatch('allocation:set', { roundId: 1, bidRef: 'S1', option: 'reduced' }, lead),
    ).toMatchObject({ ok: false, error: { message: 'S1 offers no reduced amount' } });
    expect(
      await dispatch('allocation:set', { roundId: 1, bidRef: 'W2', option: 'full' }, as('Asha Patel')),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await dispatch('allocation:set', { roundId: 1, bidRef: 'B1', option: 'reduced' }, lead)).ok).toBe(
      false,
    );
    expect((await dispatch('allocation:set', { roundId: 1, bidRef: 'B2', option: 'reduced' }, lead)).ok).toBe(
      true,
    );
  });

  it('suggests within the money available, leaving no eligible bid out that would still fit, and explains what it left out', async () => {
    const as = await demo();
    const result = await dispatch('allocation:suggest', { roundId: 1 }, as('Frances Doyle'));
    if (!result.ok) throw new Error(result.error.message);
    const round = await dispatch('rounds:get', { id: 1 }, as('Frances Doyle'));
    const available = round.ok ? round.value.availablePence : 0;
    expect(result.value.allocatedPence).toBeLessThanOrEqual(available);
    const remaining = available - result.value.allocatedPence;
    const bids = await dispatch('bids:list', { roundId: 1 }, as('Frances Doyle'));
    const excluded = new Set(result.value.excluded.map((e) => e.ref));
    for (const bid of bids.ok ? bids.value : []) {
      const funded = result.value.items.some((i) => i.ref === bid.ref);
      expect(funded || excluded.has(bid.ref)).toBe(true);
      const ineligible = /threshold|gateway|minimum|scored|ineligible/.test(
        result.value.excluded.find((e) => e.ref === bid.ref)?.reason ?? '',
      );
      if (!funded && !ineligible) {
        expect(bid.requestedPence).toBeGreaterThan(remaining);
        if (bid.reducedPence !== null) expect(bid.reducedPence).toBeGreaterThan(remaining);
      }
    }
    expect(result.value.excluded.find((e) => e.ref === 'SS5')?.reason).toContain(
      'below the quality threshold',
    );
    // Suggesting changes nothing; applying adopts it.
    expect(await dispatch('allocation:get', { roundId: 1 }, as('Dan Hughes'))).toMatchObject({
      ok: true,
      value: { allocatedPence: 0 },
    });
    await dispatch('allocation:suggest', { roundId: 1, apply: true }, as('Dan Hughes'));
    expect(await dispatch('allocation:get', { roundId: 1 }, as('Dan Hughes'))).toMatchObject({
      ok: true,
      value: { allocatedPence: result.value.allocatedPence },
    });
  });

  it('saves named scenarios, and adopts one as the round\u2019s allocation', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    await dispatch('allocation:set', { roundId: 1, bidRef: 'B1', option: 'full' }, lead);
    await dispatch('allocation:set', { roundId: 1, bidRef: 'B2', option: 'full' }, lead);
    await dispatch('scenarios:save', { roundId: 1, name: 'Birmingham first' }, lead);
    const saved = await dispatch(
      'scenarios:save',
      { roundId: 1, name: 'Suggested', from: 'suggestion' },
      lead,
    );
    expect(saved.ok && saved.value.map((s) => [s.name, s.allocatedPence])).toEqual([
      ['Birmingham first', 19_500_000],
      ['Suggested', expect.any(Number)],
    ]);
    expect(await dispatch('scenarios:save', { roundId: 1, name: 'suggested' }, lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const suggestedId = saved.ok ? saved.value[1]!.id : 0;
    const adopted = await dispatch('scenarios:adopt', { roundId: 1, scenarioId: suggestedId }, lead);
    expect(adopted.ok && adopted.value.items.some((i) => i.ref === 'B1')).toBe(false);
    const listed = await dispatch('scenarios:list', { roundId: 1 }, lead);
    expect(listed.ok && listed.value.find((s) => s.adoptedAt !== null)?.name).toBe('Suggested');
  });
});

describe('reports', () => {
  it('breaks a fund down by round and area across rounds, and exports it as Excel', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    await dispatch(
      'rounds:create',
      { fund: 'Safer Streets', name: 'Round 5 (SSF5)', budgetPence: 50_000_000 },
      lead,
    );
    await dispatch(
      'bids:create',
      {
        roundId: 3,
        ref: 'SSF5-01',
        partnership: 'Safer Sandwell Partnership',
        title: 'CCTV',
        requestedPence: 10_000_000,
      },
      lead,
    );
    await moveRoundTo(lead, 3, 'board');
    await dispatch(
      'allocation:set',
      { roundId: 3, bidRef: 'SSF5-01', option: 'custom', amountPence: 8_000_000 },
      lead,
    );
    const report = await dispatch('reports:fund', { fund: 'safer streets' }, lead);
    expect(
      report.ok && report.value.rows.map((r) => [r.round, r.area, r.requestedPence, r.allocatedPence]),
    ).toEqual(
      [
        ['Round 4 (SSF4)', 'Office of the Police and Crime Commissioner', 45_854_500, 0],
        ['Round 4 (SSF4)', 'Sandwell', 22_710_000, 0],
        ['Round 4 (SSF4)', 'Wolverhampton', 36_566_700, 0],
        ['Round 5 (SSF5)', 'Sandwell', 10_000_000, 8_000_000],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || 0),
    );
    const xlsx = await dispatch('reports:fundXlsx', { fund: 'Safer Streets' }, lead);
    expect(xlsx).toMatchObject({ ok: true, value: { fileName: 'Safer-Streets by round and area.xlsx' } });
    expect(await dispatch('reports:fund', { fund: 'Nothing' }, lead)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('shows the allocation by the plan priorities funded bids claim', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    await dispatch('allocation:set', { roundId: 1, bidRef: 'B1', option: 'reduced' }, lead);
    await dispatch('allocation:set', { roundId: 1, bidRef: 'C1', option: 'full' }, lead);
    const report = await dispatch('reports:byPriority', { roundId: 1 }, lead);
    expect(report.ok && report.value.priorities.length).toBeGreaterThan(0);
    expect(
      report.ok &&
        report.value.priorities.every((p) => p.bids.includes('B1') && p.allocatedPence === 9_000_000),
    ).toBe(true);
    expect(report.ok && report.value).toMatchObject({ unclaimedBids: ['C1'], unclaimedPence: 3_500_000 });
  });
});
