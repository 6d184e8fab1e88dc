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
      expect(
        (await dispatch('allocation:set', { roundId: 1, bidRef: ref, option: 'full', reason: 'Test' }, lead))
          .ok,
      ).toBe(true);
    const custom = await dispatch(
      'allocation:set',
      {
        roundId: 1,
        bidRef: 'SS1',
        option: 'custom',
        amountPence: 900_000,
        conditions: 'Two cameras only',
        reason: 'Test',
      },
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
          'Allocating £100,000 to B1 would take the total to £380,000, £60,000 more than the £320,000 ' +
          'available: only £40,000 remains',
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

  it(
    'suggests within the money available, leaving no eligible bid out that would still fit, and explains ' +
      'what it left out',
    async () => {
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
    },
  );

  it(
    'suggests in rank order by default, funding B2 and B1, and keeps the value optimum as a labelled ' +
      'option',
    async () => {
      const as = await demo();
      const lead = as('Dan Hughes');
      const byRank = await dispatch('allocation:suggest', { roundId: 1 }, lead);
      if (!byRank.ok) throw new Error(byRank.error.message);
      expect(byRank.value.method).toBe('rank');
      expect(byRank.value.explanation).toMatch(/^Bids are funded in rank order/);
      expect(byRank.value.items.map((i) => i.ref)).toEqual(['B2', 'SS4', 'B1', 'C1', 'SS1', 'W2']);
      expect(byRank.value.excluded.find((e) => e.ref === 'C2')?.reason).toBe(
        'ranked 6th; its £38,000 does not fit in the £18,240 left',
      );
      const byValue = await dispatch('allocation:suggest', { roundId: 1, method: 'value' }, lead);
      if (!byValue.ok) throw new Error(byValue.error.message);
      expect(byValue.value.method).toBe('value');
      expect(byValue.value.items.some((i) => i.ref === 'B2')).toBe(false);
      // Adopting the value optimum passes over B2 and B1: refused without a reason.
      expect(
        await dispatch('allocation:suggest', { roundId: 1, method: 'value', apply: true }, lead),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'reason' }] } });
      const adopted = await dispatch(
        'allocation:suggest',
        { roundId: 1, method: 'value', apply: true, reason: 'More partnerships funded' },
        lead,
      );
      expect(adopted.ok).toBe(true);
      const allocation = await dispatch('allocation:get', { roundId: 1 }, lead);
      const ss4 = allocation.ok ? allocation.value.items.find((i) => i.ref === 'SS4') : undefined;
      const c1 = allocation.ok ? allocation.value.items.find((i) => i.ref === 'C1') : undefined;
      // SS4 shares first place with B2 (both 81.33): funding one of two equals is no departure.
      expect(ss4?.reason).toBe('');
      expect(ss4?.departures).toEqual([]);
      expect(c1?.departures).toEqual([
        'C1 (ranked 4th) is funded while B2 (ranked 1st) gets nothing, though its £75,000 would fit',
      ]);
    },
  );

  it('needs a reason to fund a bid below the threshold by hand, and keeps it', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    for (const bidRef of ['B2', 'SS4', 'B1'])
      await dispatch('allocation:set', { roundId: 1, bidRef, option: 'full' }, lead);
    const refused = await dispatch('allocation:set', { roundId: 1, bidRef: 'SS2', option: 'full' }, lead);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('SS2 is below the quality threshold'),
      },
    });
    const funded = await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: 'SS2', option: 'full', reason: 'Only bid from Sandwell on knife crime' },
      lead,
    );
    expect(funded.ok && funded.value.items.find((i) => i.ref === 'SS2')?.reason).toBe(
      'Only bid from Sandwell on knife crime',
    );
    // Changing its conditions later keeps the reason.
    const changed = await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: 'SS2', option: 'full', conditions: 'Quarterly reports' },
      lead,
    );
    expect(changed.ok && changed.value.items.find((i) => i.ref === 'SS2')?.reason).toBe(
      'Only bid from Sandwell on knife crime',
    );
  });

  it('saves named scenarios, and adopts one as the round\u2019s allocation', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    await dispatch('allocation:set', { roundId: 1, bidRef: 'B2', option: 'full' }, lead);
    // B1 is ranked 3rd: funding it while SS4 (2nd) gets nothing needs a reason.
    expect(
      await dispatch('allocation:set', { roundId: 1, bidRef: 'B1', option: 'full' }, lead),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: 'reason' }],
        message: expect.stringContaining('B1 (ranked 3rd) is funded while SS4 (ranked 1st) gets nothing'),
      },
    });
    const withReason = await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: 'B1', option: 'full', reason: 'Birmingham first, at the board\u2019s request' },
      lead,
    );
    expect(withReason.ok && withReason.value.items.find((i) => i.ref === 'B1')).toMatchObject({
      reason: 'Birmingham first, at the board\u2019s request',
      departures: [expect.stringContaining('SS4 (ranked 1st) gets nothing')],
    });
    // Departures name ranks: a policy officer sees the recorded reason, never the ranks behind it.
    const seenByOfficer = await dispatch('allocation:get', { roundId: 1 }, as('Asha Patel'));
    expect(seenByOfficer.ok && seenByOfficer.value.items.find((i) => i.ref === 'B1')).toMatchObject({
      reason: 'Birmingham first, at the board\u2019s request',
      departures: [],
    });
    expect(JSON.stringify(seenByOfficer)).not.toMatch(/ranked/);
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
    // The suggestion follows the ranking: B2 and B1, ranked 1st and 3rd, are both funded.
    expect(adopted.ok && adopted.value.items.filter((i) => /^B\d$/.test(i.ref)).length).toBe(2);
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
      {
        roundId: 3,
        bidRef: 'SSF5-01',
        option: 'custom',
        amountPence: 8_000_000,
        reason: 'Urgent: awarded before scoring at the commissioner\u2019s direction',
      },
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
    for (const [bidRef, option] of [
      ['B1', 'reduced'],
      ['C1', 'full'],
    ] as const)
      await dispatch('allocation:set', { roundId: 1, bidRef, option, reason: 'B2 deferred' }, lead);
    const report = await dispatch('reports:byPriority', { roundId: 1 }, lead);
    expect(report.ok && report.value.priorities.length).toBeGreaterThan(0);
    expect(
      report.ok &&
        report.value.priorities.every((p) => p.bids.includes('B1') && p.allocatedPence === 9_000_000),
    ).toBe(true);
    expect(report.ok && report.value).toMatchObject({ unclaimedBids: ['C1'], unclaimedPence: 3_500_000 });
  });

  it(
    'reads no cost lines for the allocation page once the ranking is worked out, and adds up its ' +
      'figures from the bids and awards themselves',
    async () => {
      const { ctx, connection } = testContext();
      await dispatch('demo:load', {}, ctx);
      const lead = actingAs(ctx, 'Dan Hughes');
      for (const ref of ['B2', 'S1'])
        expect(
          (await dispatch('allocation:set', { roundId: 1, bidRef: ref, option: 'full', reason: 'T' }, lead))
            .ok,
        ).toBe(true);
      // The page asks for its ranking rows first: the ranking (which checks each bid's cost lines) is reused.
      expect((await dispatch('assessment:rankingRows', { roundId: 1 }, lead)).ok).toBe(true);
      const statements: string[] = [];
      const saved = [connection.sqlite.prepare, connection.reader.sqlite.prepare] as const;
      for (const db of [connection.sqlite, connection.reader.sqlite]) {
        const prepare = db.prepare.bind(db);
        db.prepare = ((source: string) => {
          statements.push(source);
          return prepare(source);
        }) as typeof db.prepare;
      }
      const got = await dispatch('allocation:get', { roundId: 1 }, lead);
      [connection.sqlite.prepare, connection.reader.sqlite.prepare] = saved;
      if (!got.ok) throw new Error(got.error.message);
      expect(statements.filter((sql) => sql.includes('bid_cost_lines'))).toEqual([]);
      const bids = await dispatch('bids:list', { roundId: 1 }, lead);
      if (!bids.ok) throw new Error(bids.error.message);
      const allocation = got.value;
      expect(allocation.items.map((i) => i.ref)).toEqual(['B2', 'S1']);
      expect(allocation.allocatedPence).toBe(allocation.items.reduce((s, i) => s + i.amountPence, 0));
      expect(allocation.remainingPence).toBe(allocation.availablePence - allocation.allocatedPence);
      const open = bids.value.filter((b) => b.status !== 'withdrawn');
      expect(allocation.byPartnership).toEqual(
        [...new Set(open.map((b) => b.partnership))].sort().map((partnership) => ({
          partnership,
          requestedPence: open
            .filter((b) => b.partnership === partnership)
            .reduce((s, b) => s + b.requestedPence, 0),
          allocatedPence: allocation.items
            .filter((i) => i.partnership === partnership)
            .reduce((s, i) => s + i.amountPence, 0),
        })),
      );
    },
  );
});
