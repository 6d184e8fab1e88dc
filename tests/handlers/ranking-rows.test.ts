import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connection';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import type { Channel } from '../../shared/contract';
import { actingAs, testContext } from '../support/temp-db';

// Issue 19: the ranking and allocation pages ask for their rows without each criterion's breakdown
// (a tenth of the answer at 10,000 bids) and fetch a breakdown when its row is opened. What the
// rows and breakdowns say together is what the full ranking says, and the allocation page's
// reduced amounts are the bids' own.

const open: Connection[] = [];
afterEach(() => {
  for (const connection of open.splice(0)) connection.close();
});

async function demo() {
  const { ctx, connection } = testContext();
  open.push(connection);
  await dispatch('demo:load', {}, ctx);
  return actingAs(ctx, 'Dan Hughes');
}

async function call<C extends Channel>(channel: C, input: unknown, ctx: HandlerContext) {
  const result = await dispatch(channel, input as never, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

describe('the ranking rows and their breakdowns', () => {
  it('are the ranking, row for row, with each bid’s reduced amount and its breakdown on request', async () => {
    const lead = await demo();
    const ranking = await call('assessment:ranking', { roundId: 1 }, lead);
    const rows = await call('assessment:rankingRows', { roundId: 1 }, lead);
    const bids = await call('bids:list', { roundId: 1 }, lead);
    const reducedOf = new Map(bids.map((b) => [b.id, b.reducedPence]));
    expect(ranking.length).toBeGreaterThan(5);
    expect(rows).toEqual(
      ranking.map(({ criteria: _criteria, ...row }) => ({ ...row, reducedPence: reducedOf.get(row.bidId) })),
    );
    expect(rows.some((r) => r.reducedPence !== null)).toBe(true);
    expect(rows.every((r) => !('criteria' in r))).toBe(true);
    for (const r of ranking)
      expect(await call('assessment:breakdown', { roundId: 1, bidId: r.bidId }, lead)).toEqual({
        bidId: r.bidId,
        criteria: r.criteria,
      });
  });

  it('refuses the breakdown of a bid not in the round’s ranking', async () => {
    const lead = await demo();
    expect(await dispatch('assessment:breakdown', { roundId: 1, bidId: 99_999 }, lead)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('leaves the ranking’s command-line fields as they were: no reduced amount in assessment:ranking', async () => {
    const lead = await demo();
    const ranking = await call('assessment:ranking', { roundId: 1 }, lead);
    expect(ranking.every((r) => !('reducedPence' in r))).toBe(true);
  });

  it('gives the board pack each shortlisted bid’s own reduced amount', async () => {
    const lead = await demo();
    const pack = await call('board:pack', { roundId: 1 }, lead);
    const bids = await call('bids:list', { roundId: 1 }, lead);
    const reducedOf = new Map(bids.map((b) => [b.id, b.reducedPence]));
    expect(pack.length).toBeGreaterThan(0);
    for (const item of pack) expect(item.reducedPence, item.ref).toBe(reducedOf.get(item.bidId));
  });
});
