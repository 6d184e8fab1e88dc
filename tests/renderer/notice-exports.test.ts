import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { NoticeExports } from '../../renderer/src/pages/notice/NoticeExports';
import type { Notice } from '../../renderer/src/pages/notice/notice-words';
import type { Role } from '../../shared/people';

// The notice's downloads, rendered to markup without a browser: the public summary only for a
// confidential notice, the letters only for a lead officer, the feedback behind them only for officers.
vi.mock('../../renderer/src/api', () => ({ api: {} }));
const acting = vi.hoisted(() => ({ role: null as Role | null }));
vi.mock('../../renderer/src/profile-context', () => ({
  useMe: () => (acting.role ? { name: 'Someone', role: acting.role } : null),
}));

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => undefined;

function exports(role: Role, marking: Notice['marking'], lead = role === 'lead_officer') {
  acting.role = role;
  // Only the marking matters to the downloads offered.
  const notice = { marking } as Notice;
  return text(
    renderToStaticMarkup(
      createElement(Router, {
        ssrPath: '/rounds/2/notice',
        children: createElement(NoticeExports, {
          roundId: 2,
          notice,
          lead,
          onExported: noop,
          onMessage: noop,
          onError: noop,
        }),
      }),
    ),
  );
}

describe("the notice's downloads", () => {
  it('offers the public summary only of a confidential notice', () => {
    expect(exports('board_member', 'CONFIDENTIAL')).toContain('Public summary (PDF)');
    expect(exports('board_member', 'NON-CONFIDENTIAL')).not.toContain('Public summary');
    expect(exports('board_member', 'NON-CONFIDENTIAL')).toContain('Export as Word Export as PDF');
  });

  it('offers letters to bidders to a lead officer, feedback to officers, and neither to the board', () => {
    const lead = exports('lead_officer', 'NON-CONFIDENTIAL');
    expect(lead).toContain('Letters to bidders (Word)');
    expect(lead).toContain('Feedback for the letters');
    const officer = exports('policy_officer', 'NON-CONFIDENTIAL');
    expect(officer).not.toContain('Letters to bidders');
    expect(officer).toContain('Feedback for the letters');
    const board = exports('board_member', 'NON-CONFIDENTIAL');
    expect(board).not.toContain('Letters to bidders');
    expect(board).not.toContain('Feedback for the letters');
  });
});
