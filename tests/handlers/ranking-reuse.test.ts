import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../db/connection';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { actingAs, testContext } from '../support/temp-db';

// Issue 19: the ranking, board review and allocation pages all need the round's ranking (the
// allocation page asks three times), and at 10,000 bids working it out reads a quarter of a million
// scores. It is worked out once and reused until the database changes: here, that it is reused,
// and that any change (through this engine, or another Tranche on the same file) is seen at once.

const open: Connection[] = [];
afterEach(() => {
  for (const connection of open.splice(0)) connection.close();
});

async function demoRound() {
  const first = testContext();
  open.push(first.connection);
  await dispatch('demo:load', {}, first.ctx);
  return { ...first, lead: actingAs(first.ctx, 'Dan Hughes') };
}

async function ranking(ctx: HandlerContext) {
  const result = await dispatch('assessment:ranking', { roundId: 1 }, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The ranking as a Tranche that has just opened the file works it out. */
async function freshRanking(file: string) {
  const other = testContext(file);
  open.push(other.connection);
  return ranking(actingAs(other.ctx, 'Dan Hughes'));
}

const pages = [
  'assessment:ranking',
  'assessment:rankingRows',
  'shortlist:get',
  'board:pack',
  'allocation:get',
] as const;

describe('the ranking, worked out once while nothing changes', () => {
  it('reads the scores once for the ranking, board review and allocation pages together', async () => {
    const { lead } = await demoRound();
    const reads = vi.spyOn(lead.store.reader.scoring, 'countedScoresForRound');
    for (const channel of [...pages, ...pages]) {
      const result = await dispatch(channel, { roundId: 1 }, lead);
      expect(result.ok, channel).toBe(true);
    }
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('shows a moderation made through this engine at once', async () => {
    const { lead, file } = await demoRound();
    const before = await ranking(lead);
    const bid = before.find(
      (r) => r.complete && r.criteria.some((c) => !c.moderated && c.normalised !== null && c.value !== 1),
    )!;
    const criterion = bid.criteria.find((c) => !c.moderated && c.normalised !== null && c.value !== 1)!;
    const moderated = await dispatch(
      'assessment:moderate',
      { roundId: 1, bidRef: bid.ref, criterion: criterion.code, score: 1, reason: 'Agreed at moderation' },
      lead,
    );
    expect(moderated.ok || moderated.error.message).toBe(true);
    const after = await ranking(lead);
    expect(
      after.find((r) => r.bidId === bid.bidId)?.criteria.find((c) => c.code === criterion.code),
    ).toMatchObject({ value: 1, moderated: true });
    expect(after).toEqual(await freshRanking(file));
  });

  it('shows a change written by another Tranche on the same file at once', async () => {
    const { lead, file } = await demoRound();
    const before = await ranking(lead);
    const other = testContext(file);
    open.push(other.connection);
    const target = before.find((r) => r.complete)!;
    const criterion = target.criteria.find((c) => !c.moderated && c.normalised !== null && c.value !== 1)!;
    const moderated = await dispatch(
      'assessment:moderate',
      { roundId: 1, bidRef: target.ref, criterion: criterion.code, score: 1, reason: 'Agreed elsewhere' },
      actingAs(other.ctx, 'Dan Hughes'),
    );
    expect(moderated.ok || moderated.error.message).toBe(true);
    const after = await ranking(lead);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await freshRanking(file));
  });

  it('is never changed by a caller: its rows are frozen', async () => {
    const { lead } = await demoRound();
    await ranking(lead);
    const { rankingFor } = await import('../../electron/handlers/ranking');
    const rows = rankingFor({ ...lead, store: lead.store.reader }, 1);
    expect(Object.isFrozen(rows) && rows.every((row) => Object.isFrozen(row))).toBe(true);
  });
});
