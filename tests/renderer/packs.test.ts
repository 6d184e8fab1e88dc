import { describe, expect, it } from 'vitest';
import { mayWrite } from '../../renderer/src/packs/may-write';
import { latestByPerson, summaryText } from '../../renderer/src/packs/pack-summary';

// What the app offers on a round, read from the rule book as the guard reads it, and how the
// office's table of packs puts a kind's summary into words.

const office = { onCopy: false, nobodySetUp: false };
const copy = { onCopy: true, nobodySetUp: false };

describe('which writes a page offers', () => {
  it('on a round copy, only the recipient’s own work and its return, whatever their role', () => {
    expect(mayWrite('assessment:score', { ...copy, role: 'policy_officer' })).toBe(true);
    expect(mayWrite('assessment:declare', { ...copy, role: 'lead_officer' })).toBe(true);
    expect(mayWrite('packs:return', { ...copy, role: 'commissioner' })).toBe(true);
    expect(mayWrite('notices:sign', { ...copy, role: 'commissioner' })).toBe(true);
    // A lead officer assessing on their own laptop still cannot change the office's round there.
    for (const channel of ['rounds:update', 'bids:create', 'assessment:assign', 'packs:make'] as const)
      expect(mayWrite(channel, { ...copy, role: 'lead_officer' })).toBe(false);
  });

  it('on a delivery copy, only due diligence, claims, returns and the return pack; on no other copy', () => {
    const delivery = { ...copy, copyKind: 'delivery' };
    for (const channel of ['grants:diligence', 'claims:add', 'returns:import', 'packs:return'] as const)
      expect(mayWrite(channel, { ...delivery, role: 'policy_officer' }), channel).toBe(true);
    for (const channel of ['claims:approve', 'grants:schedule', 'assessment:declare', 'packs:make'] as const)
      expect(mayWrite(channel, { ...delivery, role: 'lead_officer' }), channel).toBe(false);
    expect(mayWrite('claims:add', { ...copy, copyKind: 'assessor', role: 'policy_officer' })).toBe(false);
    expect(mayWrite('assessment:score', { ...copy, copyKind: 'assessor', role: 'policy_officer' })).toBe(
      true,
    );
  });

  it('at the office, by role; with nobody set up, only the set-up writes', () => {
    expect(mayWrite('packs:make', { ...office, role: 'lead_officer' })).toBe(true);
    expect(mayWrite('packs:make', { ...office, role: 'policy_officer' })).toBe(false);
    expect(mayWrite('rounds:update', { onCopy: false, role: null, nobodySetUp: true })).toBe(true);
    expect(mayWrite('rounds:update', { onCopy: false, role: null, nobodySetUp: false })).toBe(false);
    expect(mayWrite('packs:make', { onCopy: false, role: null, nobodySetUp: true })).toBe(false);
  });
});

describe('the packs table', () => {
  it('puts a return’s counts first, then each difference kept', () => {
    expect(
      summaryText({
        of: 'assessor',
        added: 7,
        unchanged: 2,
        conflicts: ['C1 on B2: the office has 4 from a later version; the return says 3'],
        declarations: 1,
      }),
    ).toEqual([
      'Held 1 declaration of interest; 7 records new to this database, 2 already here; 1 difference kept',
      'C1 on B2: the office has 4 from a later version; the return says 3',
    ]);
    expect(summaryText({ bids: 3, refs: ['B1', 'B2', 'C1'] })).toEqual(['Held 3 bids; refs: B1, B2, C1']);
    // Scores and bids are counted apart from the records they added ("109 added … 13 bids" read as bids).
    expect(
      summaryText({
        of: 'assessor',
        added: 109,
        unchanged: 0,
        conflicts: [],
        bids: 13,
        declarations: 13,
        scores: 83,
      }),
    ).toEqual([
      'Held 13 bids, 13 declarations of interest and 83 scores; 109 records new to this database, 0 already here; ' +
        '0 differences kept',
    ]);
  });

  it('shows each person’s latest pack each way', () => {
    const entry = (person: string, createdAt: string) => ({
      packId: `${person}-${createdAt}`,
      kind: 'assessor' as const,
      person,
      sequence: 1,
      createdAt,
      receivedAt: null,
      summary: {},
    });
    const rows = latestByPerson(
      [
        entry('Ben Clarke', '2026-11-30'),
        entry('Asha Patel', '2026-11-29'),
        entry('Ben Clarke', '2026-11-01'),
      ],
      [],
    );
    expect(rows.map(([person, last]) => [person, last.sent?.createdAt])).toEqual([
      ['Asha Patel', '2026-11-29'],
      ['Ben Clarke', '2026-11-30'],
    ]);
  });
});
