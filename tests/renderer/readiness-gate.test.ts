import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import {
  missingReason,
  placeRefusal,
  type PlacedRefusal,
} from '../../renderer/src/components/readiness-outcome';
import { ReadinessChecks } from '../../renderer/src/components/ReadinessGate';
import type { Readiness } from '../../shared/readiness';

// The readiness gate before sending a notice for sign-off and signing it: what blocks hides the
// button, a warning asks for a reason before anything is sent, and a refusal lands where it belongs.
vi.mock('../../renderer/src/api', () => ({ api: {} }));

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const blocking = {
  level: 'blocking' as const,
  message: 'SS2 has no allocation',
  page: 'allocation' as const,
  fix: 'Allocate it',
};
const warning = {
  level: 'warning' as const,
  message: 'SS3 was scored by one assessor',
  page: 'assessment' as const,
  fix: 'See its scores',
};

function checks(
  readiness: Omit<Readiness, 'roundId'>,
  refusal: PlacedRefusal = { fieldError: null, error: null },
) {
  return renderToStaticMarkup(
    createElement(Router, {
      ssrPath: '/rounds/4/notice',
      children: createElement(ReadinessChecks, {
        roundId: 4,
        doing: 'sign the decision',
        button: 'Sign decision 1',
        readiness: { roundId: 4, ...readiness },
        reason: '',
        setReason: () => undefined,
        busy: false,
        onSubmit: () => undefined,
        ...refusal,
      }),
    }),
  );
}

describe('the readiness gate', () => {
  it('offers no button while anything blocks, and links each item to where it is put right', () => {
    const markup = checks({ items: [blocking, warning], blocking: 1, warnings: 1 });
    expect(markup).not.toContain('Sign decision 1');
    expect(text(markup)).toContain(
      'This makes the decision unsound: put it right before you sign the decision.',
    );
    expect(markup).toContain('href="/rounds/4/allocation"');
    expect(text(markup)).toContain('Cannot go ahead SS2 has no allocation.');
  });

  it('asks for a reason where there are warnings, and for none where every check is met', () => {
    const warned = checks({ items: [warning], blocking: 0, warnings: 1 });
    expect(warned).toContain('Sign decision 1');
    expect(text(warned)).toContain('Why the decision can go ahead as it stands');
    const clear = text(checks({ items: [], blocking: 0, warnings: 0 }));
    expect(clear).toContain('Nothing stands in the way: every check is met.');
    expect(clear).not.toContain('Why the decision can go ahead');
  });

  it('refuses to go ahead past a warning without a reason, before anything is sent', () => {
    expect(missingReason(1, '   ', 'sign the decision')).toBe(
      'Give the reason to sign the decision despite the warnings above',
    );
    expect(missingReason(1, 'Board agreed on 3 May', 'sign the decision')).toBeNull();
    expect(missingReason(0, '', 'sign the decision')).toBeNull();
  });

  it('puts a refusal of the reason beside its box, in the error summary, and any other above the button', () => {
    const onReason = placeRefusal({
      code: 'invalid_input',
      message: 'The reason is too long',
      issues: [{ path: 'readinessReason', message: 'The reason is too long' }],
    });
    expect(onReason).toEqual({ fieldError: 'The reason is too long', error: null });
    const markup = checks({ items: [warning], blocking: 0, warnings: 1 }, onReason);
    expect(markup).toMatch(
      /class="error-summary"[\s\S]*href="#readiness-reason"[^>]*>The reason is too long/,
    );
    expect(markup).toMatch(/id="readiness-reason-error"/);
    const other = placeRefusal({ code: 'conflict', message: 'The allocation changed: check again' });
    expect(other).toEqual({ fieldError: null, error: 'The allocation changed: check again' });
    const shown = text(checks({ items: [], blocking: 0, warnings: 0 }, other));
    expect(shown).toContain('The allocation changed: check again');
  });
});
