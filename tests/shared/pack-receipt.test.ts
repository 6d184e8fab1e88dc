import { describe, expect, it } from 'vitest';
import { heldCounts, heldText, recordsText } from '../../shared/pack-receipt';

describe('a pack receipt in words', () => {
  it('counts bids, scores and declarations each on its own, apart from the records added', () => {
    const summary = {
      of: 'assessor',
      added: 117,
      unchanged: 0,
      conflicts: [],
      bids: 13,
      scores: 91,
      declarations: 13,
    };
    expect(heldCounts(summary)).toEqual({ bids: 13, scores: 91, declarations: 13 });
    expect(heldText(heldCounts(summary))).toBe('13 bids, 13 declarations of interest and 91 scores');
    expect(recordsText(117, 0)).toBe('117 records new to this database, 0 already here');
  });

  it('says one in the singular, names a count it does not know, and says nothing when empty', () => {
    expect(heldText({ bids: 1, scores: 1, views: 2 })).toBe("1 bid, 1 score and 2 board members' views");
    expect(heldText({ diligence: 1, claims: 1, returns: 2 })).toBe(
      '1 due diligence record, 1 claim and 2 monitoring returns',
    );
    expect(heldText({ deliveryNotes: 1_200 })).toBe('1,200 delivery notes');
    expect(heldText({})).toBe('nothing');
    expect(recordsText(1, 3)).toBe('1 record new to this database, 3 already here');
  });
});
