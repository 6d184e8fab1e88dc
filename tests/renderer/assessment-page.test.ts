import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import {
  assignable,
  importRefusal,
  scoresBids,
  STATE_LABEL,
  type MyBid,
  type Progress,
} from '../../renderer/src/pages/assessment/assessment-words';
import { MyBidsTable } from '../../renderer/src/pages/assessment/MyBidsTable';
import { ProgressSection } from '../../renderer/src/pages/assessment/ProgressSection';

// The assessment page's parts, without a browser: who scores, whom a lead may assign, what progress says.

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const person = (name: string, role: Parameters<typeof scoresBids>[0], retiredAt: string | null = null) => ({
  name,
  role: role!,
  retiredAt,
});

const progress: Progress = {
  assessors: [{ personId: 2, person: 'Dan Hughes', assigned: 13, declared: 13, conflicts: 1, submitted: 9 }],
  bids: [
    {
      bidId: 1,
      ref: 'SS1',
      assessors: ['Dan Hughes', 'Sam Patel'],
      submitted: 2,
      conflicts: 0,
      warning: null,
    },
    {
      bidId: 2,
      ref: 'SS2',
      assessors: ['Dan Hughes'],
      submitted: 0,
      conflicts: 1,
      warning: 'only one assessor',
    },
  ],
  declarations: [
    { ref: 'SS1', person: 'Dan Hughes', conflict: false, nature: null, declaredAt: '2013-10-01' },
    {
      ref: 'SS2',
      person: 'Dan Hughes',
      conflict: true,
      nature: 'My sister chairs it',
      declaredAt: '2013-10-01',
    },
  ],
};

describe('the assessment page’s rules', () => {
  it('gives officers bids to score, and neither board members nor the commissioner', () => {
    expect(scoresBids('policy_officer')).toBe(true);
    expect(scoresBids('lead_officer')).toBe(true);
    expect(scoresBids('board_member')).toBe(false);
    expect(scoresBids('commissioner')).toBe(false);
    expect(scoresBids(undefined)).toBe(false);
  });

  it('offers serving policy and lead officers as assessors, and nobody retired', () => {
    const people = [
      person('Dan Hughes', 'policy_officer'),
      person('Sam Patel', 'lead_officer'),
      person('Jo Old', 'policy_officer', '2013-01-01'),
      person('Pat Morgan', 'commissioner'),
      person('Lee Board', 'board_member'),
    ];
    expect(assignable(people).map((p) => p.name)).toEqual(['Dan Hughes', 'Sam Patel']);
  });

  it('puts a refused score import in one line with each bad row', () => {
    expect(
      importRefusal({
        message: 'Nothing imported',
        issues: [{ message: 'Row 3: C1 score 9 is above 5' }, { message: 'Row 4: no justification' }],
      }),
    ).toBe('Nothing imported · Row 3: C1 score 9 is above 5 · Row 4: no justification');
    expect(importRefusal({ message: 'Not a workbook' })).toBe('Not a workbook');
  });
});

describe('the assessment page’s parts', () => {
  it('lists an assessor’s bids, each linked to its sheet, with where it stands', () => {
    const bids: MyBid[] = [
      { bidId: 7, ref: 'SS7', title: 'Street marshals', partnership: 'Coventry', state: 'submitted' },
      { bidId: 8, ref: 'SS8', title: 'Alley gates', partnership: 'Solihull', state: 'declare' },
    ];
    const markup = renderToStaticMarkup(
      createElement(Router, {
        ssrPath: '/rounds/3/assessment',
        children: createElement(MyBidsTable, { roundId: 3, bids }),
      }),
    );
    expect(markup).toContain('href="/rounds/3/assessment/7"');
    expect(text(markup)).toContain('SS7 Coventry Street marshals Submitted');
    expect(text(markup)).toContain(`SS8 Solihull Alley gates ${STATE_LABEL.declare}`);
    expect(markup).toMatch(/tag--green[^>]*>Submitted/);
  });

  it('shows progress by assessor, the bids short of assessors (not on a copy), and only real conflicts', () => {
    const office = text(renderToStaticMarkup(createElement(ProgressSection, { progress, copy: false })));
    expect(office).toContain('Dan Hughes 13 13 1 9');
    expect(office).toContain('SS2 : only one assessor');
    expect(office).toContain('Dan Hughes in SS2: My sister chairs it');
    expect(office).not.toContain('in SS1:');
    expect(office).toContain('2 declarations recorded in all.');
    const copy = text(renderToStaticMarkup(createElement(ProgressSection, { progress, copy: true })));
    expect(copy).not.toContain('Bids needing assessors');
    const calm = { ...progress, bids: [progress.bids[0]!], declarations: [progress.declarations[0]!] };
    const quiet = text(renderToStaticMarkup(createElement(ProgressSection, { progress: calm, copy: false })));
    expect(quiet).toContain('Every bid has at least two assessors without a conflict.');
    expect(quiet).toContain('No conflicts declared.');
  });
});
