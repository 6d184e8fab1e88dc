import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ScoringSheet } from '../../shared/assessment';
import type { Framework } from '../../shared/frameworks';
import { CriterionField } from '../../renderer/src/pages/scoring/CriterionField';
import { DeclarationFields } from '../../renderer/src/pages/scoring/DeclarationFields';
import { OtherScores } from '../../renderer/src/pages/scoring/OtherScores';
import { ScoringRules } from '../../renderer/src/pages/scoring/ScoringRules';
import {
  criterionError,
  declarationError,
  initialValues,
  missingForSubmit,
  refusalErrors,
  scoresToSend,
} from '../../renderer/src/pages/scoring/sheet-form';

// The scoring sheet's parts, without a browser: what an assessor is asked for and told.

const framework: Framework = {
  roundId: 1,
  template: null,
  scale: {
    min: 0,
    max: 2,
    descriptors: [
      { score: 0, descriptor: 'No evidence' },
      { score: 1, descriptor: 'Partial' },
      { score: 2, descriptor: 'Good' },
    ],
  },
  criteria: [
    {
      id: 11,
      code: 'G1',
      name: 'Eligible',
      guidance: 'Is it eligible?',
      weight: 0,
      minScore: null,
      gateway: true,
    },
    { id: 12, code: 'C1', name: 'Need', guidance: 'Shows the need', weight: 60, minScore: 2, gateway: false },
    {
      id: 13,
      code: 'C2',
      name: 'Value',
      guidance: 'Value for money',
      weight: 40,
      minScore: null,
      gateway: false,
    },
  ],
  threshold: null,
  divergence: 2,
  scoringStarted: true,
  changes: [],
};

const sheet: ScoringSheet = {
  bidId: 5,
  roundId: 1,
  ref: 'SS5',
  title: 'Street marshals',
  partnership: 'Coventry',
  assessor: { id: 3, name: 'Dan Hughes' },
  assigned: true,
  declaration: { conflict: false, nature: null, declaredAt: '2026-12-01T10:00:00Z' },
  submittedAt: null,
  own: [{ criterionId: 12, score: 2, justification: 'A clear local need, with figures' }],
  others: null,
  history: [],
};

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);
const text = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, "'");

describe('the scoring sheet’s form', () => {
  it('starts from the assessor’s saved draft, blank where nothing is saved, and sends every criterion', () => {
    const values = initialValues(framework, sheet);
    expect(values).toEqual({
      11: { score: null, justification: '' },
      12: { score: 2, justification: 'A clear local need, with figures' },
      13: { score: null, justification: '' },
    });
    expect(scoresToSend(framework, values).map((s) => s.criterionId)).toEqual([11, 12, 13]);
  });

  it('refuses a submit with one error per unfinished criterion, each linked to the field to fix', () => {
    const values = initialValues(framework, sheet);
    values[13] = { score: 1, justification: 'too short' };
    expect(missingForSubmit(framework, values)).toEqual([
      { fieldId: 'score-G1-1', message: 'G1: choose a score' },
      { fieldId: 'score-C2-justification', message: 'C2: write a justification of at least 20 characters' },
    ]);
    values[11] = { score: 0, justification: 'Not eligible at all, out of area' };
    values[13] = { score: 1, justification: 'Costs are high for the reach' };
    expect(missingForSubmit(framework, values)).toEqual([]);
  });

  it('links a refusal naming a criterion to its justification, and shows it beside that criterion only', () => {
    const errors = refusalErrors(framework, {
      message: 'Not saved',
      issues: [
        { path: 'C1', message: 'C1 is below its minimum of 2' },
        { path: '', message: 'The sheet is submitted' },
      ],
    });
    expect(errors).toEqual([
      { fieldId: 'score-C1-justification', message: 'C1 is below its minimum of 2' },
      { message: 'The sheet is submitted' },
    ]);
    expect(criterionError(errors, 'C1')).toBe('C1 is below its minimum of 2');
    expect(criterionError(errors, 'C2')).toBeUndefined();
    expect(refusalErrors(framework, { message: 'Round is signed' })).toEqual([
      { message: 'Round is signed' },
    ]);
  });

  it('asks whether there is a conflict, and what it is when there is one', () => {
    expect(declarationError('', '')?.fieldId).toBe('declare-none');
    expect(declarationError('conflict', '  ')).toEqual({
      fieldId: 'declare-nature',
      message: 'Say what the conflict is',
    });
    expect(declarationError('conflict', 'My brother runs it')).toBeNull();
    expect(declarationError('none', '')).toBeNull();
    const none = html(
      createElement(DeclarationFields, {
        choice: 'none',
        setChoice: () => {},
        nature: '',
        setNature: () => {},
      }),
    );
    expect(none).not.toContain('declare-nature');
    const yes = html(
      createElement(DeclarationFields, {
        choice: 'conflict',
        setChoice: () => {},
        nature: '',
        setNature: () => {},
      }),
    );
    expect(yes).toContain('What is the conflict?');
  });
});

describe('the scoring sheet’s parts', () => {
  it('offers a gateway as pass or fail and a scored criterion on the scale, with its weight and minimum', () => {
    const gateway = html(
      createElement(CriterionField, {
        framework,
        criterion: framework.criteria[0]!,
        value: undefined,
        error: undefined,
        onChange: () => {},
      }),
    );
    expect(text(gateway)).toContain('G1 Eligible (pass or fail)');
    expect(gateway).toContain('id="score-G1-1"');
    expect(gateway).toContain('id="score-G1-0"');
    expect(gateway).not.toContain('id="score-G1-2"');
    const scored = html(
      createElement(CriterionField, {
        framework,
        criterion: framework.criteria[1]!,
        value: { score: 2, justification: 'A clear local need' },
        error: 'C1 is below its minimum of 2',
        onChange: () => {},
      }),
    );
    expect(text(scored)).toContain('C1 Need (60%, at least 2)');
    expect(scored).toMatch(/id="score-C1-2"[^>]*checked/);
    expect(scored).toContain('form-group--error');
    expect(text(scored)).toContain('C1 is below its minimum of 2');
  });

  it('states the rules a submit is held to, naming the gateways', () => {
    const rules = text(html(createElement(ScoringRules, { framework })));
    expect(rules).toContain('G1 is a gateway: pass or fail.');
    expect(rules).toContain('below its minimum');
    const noGateway = { ...framework, criteria: framework.criteria.filter((c) => !c.gateway && !c.minScore) };
    const plain = text(html(createElement(ScoringRules, { framework: noGateway })));
    expect(plain).not.toContain('gateway');
    expect(plain).not.toContain('minimum');
  });

  it('hides other assessors’ scores until this one submits, then shows them by criterion', () => {
    expect(text(html(createElement(OtherScores, { sheet, framework })))).toContain(
      'appear here once you submit',
    );
    const conflicted = {
      ...sheet,
      declaration: { conflict: true, nature: 'Family', declaredAt: '2026-12-01' },
    };
    expect(html(createElement(OtherScores, { sheet: conflicted, framework }))).toBe('');
    const none = { ...sheet, submittedAt: '2026-12-02', others: [] };
    expect(text(html(createElement(OtherScores, { sheet: none, framework })))).toContain(
      'No other assessor has submitted yet.',
    );
    const seen = {
      ...none,
      others: [
        { person: 'Pat Morgan', scores: [{ criterionId: 12, score: 1, justification: 'Some need shown' }] },
      ],
    };
    const table = text(html(createElement(OtherScores, { sheet: seen, framework })));
    expect(table).toContain('Pat Morgan');
    expect(table).toContain('C11 Some need shown');
    expect(table).toContain('C2—');
  });
});
