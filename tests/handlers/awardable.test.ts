import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/channels';
import type { Input } from '../../shared/contract';
import { awardable, awardProblems } from '../../shared/awardable';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

// One award rule (shared/awardable.ts) for every path that puts money in the allocation: setting an
// award, applying a suggestion, adopting a scenario, and the checks before sign-off and signing.

async function office() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  const lead = actingAs(ctx, 'Dan Hughes');
  const call = async <C extends Channel>(channel: C, input: Input<C>) => {
    const result = await dispatch(channel, input, lead);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  /** Marks a bid withdrawn or ineligible as an officer would, through the bid's own form. */
  const mark = async (ref: string, status: 'withdrawn' | 'ineligible') => {
    const bids = await call('bids:list', { roundId: 1 });
    const bid = await call('bids:get', { id: bids.find((b) => b.ref === ref)!.id });
    await call('bids:update', {
      id: bid.id,
      ref: bid.ref,
      partnership: bid.partnership,
      title: bid.title,
      requestedPence: bid.requestedPence,
      reducedPence: bid.reducedPence,
      status,
      statusReason: `The partnership's letter of ${status === 'withdrawn' ? 'withdrawal' : 'ineligibility'}`,
    });
  };
  const allocated = async () => (await call('allocation:get', { roundId: 1 })).items.map((i) => i.ref);
  return { ctx, lead, call, mark, allocated };
}

const refusal = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? 'accepted' : `${result.error!.code}: ${result.error!.message}`;

describe('awardable: one rule for every award path', () => {
  it('says plainly why a bid may not be funded', () => {
    const bid = { ref: 'SS5', requestedPence: 1_500_000 };
    expect(awardable({ status: 'received' })).toBe(true);
    expect(awardable({ status: 'eligible' })).toBe(true);
    expect(awardProblems({ ...bid, status: 'withdrawn' }, 0)).toEqual([
      'SS5 is withdrawn and cannot be funded',
    ]);
    expect(awardProblems({ ...bid, status: 'ineligible' }, 1_500_001)).toEqual([
      'SS5 is ineligible and cannot be funded',
      'SS5 is awarded £15,000.01, more than the £15,000 it requested',
    ]);
    expect(awardProblems({ ...bid, status: 'eligible' }, 1_500_000)).toEqual([]);
  });

  for (const status of ['withdrawn', 'ineligible'] as const)
    it(`refuses a ${status} bid on every path: set, suggest, adopt, readiness and signing`, async () => {
      const o = await office();
      await o.call('allocation:set', {
        roundId: 1,
        bidRef: 'C1',
        option: 'full',
        reason: 'Chosen by the panel',
      });
      await o.call('scenarios:save', { roundId: 1, name: 'With C1', from: 'current' });
      await o.call('allocation:set', { roundId: 1, bidRef: 'C1', option: 'none' });
      await o.mark('C1', status);

      // Setting an award.
      expect(
        refusal(
          await dispatch('allocation:set', { roundId: 1, bidRef: 'C1', option: 'full', reason: 'x' }, o.lead),
        ),
      ).toBe(`conflict: C1 is ${status} and cannot be funded`);

      // Adopting a scenario saved before the bid was withdrawn: today's gap.
      const scenario = (await o.call('scenarios:list', { roundId: 1 })).find((s) => s.name === 'With C1')!;
      expect(
        refusal(
          await dispatch('scenarios:adopt', { roundId: 1, scenarioId: scenario.id, reason: 'x' }, o.lead),
        ),
      ).toBe(`conflict: "With C1" cannot be put in the allocation: C1 is ${status} and cannot be funded`);
      expect(await o.allocated()).not.toContain('C1');

      // Suggesting: the bid is left out, with the reason, and applying it funds only awardable bids.
      const suggested = await o.call('allocation:suggest', {
        roundId: 1,
        method: 'rank',
        apply: true,
        reason: 'x',
      });
      expect(suggested.items.map((i) => i.ref)).not.toContain('C1');
      expect(suggested.excluded.find((e) => e.ref === 'C1')?.reason ?? 'not ranked').toMatch(
        new RegExp(`${status}|not ranked`),
      );
      expect(await o.allocated()).not.toContain('C1');
    });

  it('the readiness list and signing refuse an award the bid may no longer have', async () => {
    const o = await office();
    await o.call('allocation:set', {
      roundId: 1,
      bidRef: 'C1',
      option: 'full',
      reason: 'Chosen by the panel',
    });
    await o.mark('C1', 'ineligible');
    const readiness = await o.call('notices:readiness', { roundId: 1 });
    expect(readiness.items.map((i) => i.message)).toContain('C1 is ineligible and cannot be funded');
    await moveRoundTo(o.lead, 1, 'decision');
    const commissioner: HandlerContext = actingAs(o.ctx, 'Pat Morgan');
    const sign = await dispatch('notices:sign', { roundId: 1, readinessReason: 'Go ahead' }, commissioner);
    expect(refusal(sign)).toMatch(/C1 is ineligible and cannot be funded/);
  });
});
