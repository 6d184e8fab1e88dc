import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { actingAs, testContext } from '../support/temp-db';

async function demo() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  return (name: string) => actingAs(ctx, name);
}

describe('shortlist and board review', () => {
  it('draws the shortlist from the ranking and records every exception with its reason', async () => {
    const as = await demo();
    const lead = as('Dan Hughes');
    const byThreshold = await dispatch('shortlist:get', { roundId: 1 }, lead);
    const included = (r: typeof byThreshold) =>
      r.ok ? r.value.items.filter((i) => i.included).map((i) => i.ref) : [];
    expect(included(byThreshold)).not.toContain('SS5');
    expect(included(byThreshold)).toHaveLength(10);
    const top = await dispatch('shortlist:setRule', { roundId: 1, rule: 'top', topN: 5 }, lead);
    expect(included(top)).toEqual(['B2', 'SS4', 'B1', 'C1', 'SS1']);
    expect(
      await dispatch('shortlist:override', { roundId: 1, bidRef: 'SS3', included: true }, lead),
    ).toMatchObject({ ok: false, error: { message: 'Give the reason for adding SS3 against the ranking' } });
    const added = await dispatch(
      'shortlist:override',
      { roundId: 1, bidRef: 'SS3', included: true, reason: 'Board asked to see the Polish engagement work' },
      lead,
    );
    expect(added.ok && added.value.items.find((i) => i.ref === 'SS3')).toMatchObject({
      included: true,
      byRule: false,
      override: { reason: 'Board asked to see the Polish engagement work', by: 'Dan Hughes' },
    });
    expect(
      await dispatch(
        'shortlist:override',
        { roundId: 1, bidRef: 'SS3', included: true, reason: 'x' },
        as('Frances Doyle'),
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it(
    'keeps each board member\u2019s view and comment on the record, ' +
      'and never lets the board edit scores',
    async () => {
      const as = await demo();
      const board = as('Frances Doyle');
      const pack = await dispatch(
        'board:recordView',
        {
          roundId: 1,
          bidRef: 'B1',
          view: 'support_with_conditions',
          comment: 'Only if the A&E study reports by March',
          meetingOn: '2013-11-05',
        },
        board,
      );
      expect(pack.ok && pack.value.find((b) => b.ref === 'B1')?.views).toEqual([
        {
          person: 'Frances Doyle',
          view: 'support_with_conditions',
          comment: 'Only if the A&E study reports by March',
          meetingOn: '2013-11-05',
        },
      ]);
      expect(
        await dispatch('board:recordView', { roundId: 1, bidRef: 'B1', view: 'support' }, as('Asha Patel')),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const bids = await dispatch('bids:list', { roundId: 1 }, board);
      const b1 = bids.ok ? bids.value.find((b) => b.ref === 'B1')!.id : 0;
      expect(
        await dispatch('assessment:score', { bidId: b1, scores: [], submit: false }, board),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(
        await dispatch('allocation:set', { roundId: 1, bidRef: 'B1', option: 'full' }, board),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );
});
