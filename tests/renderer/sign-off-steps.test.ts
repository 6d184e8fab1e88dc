import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../renderer/src/pages/notice/notice-words';
import { SignOffSteps } from '../../renderer/src/pages/notice/SignOffSteps';

// The notice's way to a signature, rendered to markup without a browser: the lead officer sends a
// draft for sign-off and drafts a superseding notice once it is signed; the commissioner signs what
// is not yet signed; anyone else is offered none of it.
vi.mock('../../renderer/src/api', () => ({ api: {} }));
vi.mock('../../renderer/src/profile-context', () => ({ useMe: () => null }));
vi.mock('../../renderer/src/packs/round-copy', () => ({
  useMayWrite: () => ({ copy: null, may: () => false }),
}));

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const ok = () => Promise.resolve({ ok: true as const });
const noop = () => undefined;

function steps(status: Notice['status'], who: { lead?: boolean; commissioner?: boolean }) {
  // Only the status and number matter to the steps offered (the signing summary waits for the checks).
  const notice = { status, number: 1, preview: null } as unknown as Notice;
  return text(
    renderToStaticMarkup(
      createElement(SignOffSteps, {
        roundId: 3,
        round: { fund: 'Invest to Save', stage: 'decision' },
        notice,
        generation: 0,
        act: ok,
        say: noop,
        fail: noop,
        reload: noop,
        reloadAll: noop,
        lead: who.lead ?? false,
        commissioner: who.commissioner ?? false,
        refreshKey: '0',
      }),
    ),
  );
}

describe('the steps to a signed notice', () => {
  it('has the lead officer check a draft before sending it, and offers superseding only once it is signed', () => {
    const draft = steps('draft', { lead: true });
    expect(draft).toContain('Checking the decision…');
    expect(draft).not.toContain('Draft a superseding notice');
    expect(draft).not.toContain('Sign the decision');
    expect(steps('signed', { lead: true })).toContain('Draft a superseding notice');
    expect(steps('signed', { lead: true })).not.toContain('Checking the decision');
  });

  it('offers the commissioner the signing until the notice is signed or superseded', () => {
    for (const status of ['draft', 'ready'] as const)
      expect(steps(status, { commissioner: true })).toContain('Sign the decision');
    for (const status of ['signed', 'superseded'] as const)
      expect(steps(status, { commissioner: true })).not.toContain('Sign the decision');
  });

  it('offers anyone else nothing to do', () => {
    for (const status of ['draft', 'ready', 'signed'] as const) expect(steps(status, {})).toBe('');
  });
});
