import { MIN_JUSTIFICATION, type ScoringSheet } from '../../../../shared/assessment';
import type { Framework } from '../../../../shared/frameworks';
import type { SummaryError } from '../../components/ErrorSummary';

// The scoring sheet's logic as plain functions: what the form starts with, what a submit lacks, and
// where the server's refusals point. The view only holds the state and draws it.

export type ScoreValue = { score: number | null; justification: string };
export type ScoreValues = Record<number, ScoreValue>;
type Criterion = Framework['criteria'][number];

/** The form's starting values: the assessor's own saved scores, blank where there are none. */
export function initialValues(framework: Framework, sheet: ScoringSheet): ScoreValues {
  return Object.fromEntries(
    framework.criteria.map((c) => {
      const own = sheet.own.find((s) => s.criterionId === c.id);
      return [c.id, { score: own?.score ?? null, justification: own?.justification ?? '' }];
    }),
  );
}

/** What is sent to save: one entry per criterion, in the framework's order. */
export function scoresToSend(framework: Framework, values: ScoreValues) {
  return framework.criteria.map((c) => ({
    criterionId: c.id,
    score: values[c.id]?.score ?? null,
    justification: values[c.id]?.justification ?? '',
  }));
}

/** The points a criterion is scored on: pass or fail for a gateway, else the framework's scale. */
export function pointsFor(framework: Framework, criterion: Criterion) {
  return criterion.gateway
    ? [
        { score: 1, descriptor: 'Pass' },
        { score: 0, descriptor: 'Fail' },
      ]
    : framework.scale.descriptors;
}

/** What a submit still lacks, one error per criterion, each linked to the field to fix. */
export function missingForSubmit(framework: Framework, values: ScoreValues): SummaryError[] {
  return framework.criteria.flatMap((c) => {
    const v = values[c.id];
    if (!v || v.score === null)
      return [
        {
          fieldId: `score-${c.code}-${c.gateway ? 1 : framework.scale.min}`,
          message: `${c.code}: choose a score`,
        },
      ];
    if (v.justification.trim().length < MIN_JUSTIFICATION)
      return [
        {
          fieldId: `score-${c.code}-justification`,
          message: `${c.code}: write a justification of at least ${MIN_JUSTIFICATION} characters`,
        },
      ];
    return [];
  });
}

/** A refusal's issues as summary errors: one naming a criterion links to its justification. */
export function refusalErrors(
  framework: Framework,
  error: { message: string; issues?: { path: string; message: string }[] },
): SummaryError[] {
  return (error.issues ?? [{ path: '', message: error.message }]).map((i) => {
    const criterion = framework.criteria.find((c) => c.code === i.path);
    return criterion
      ? { fieldId: `score-${criterion.code}-justification`, message: i.message }
      : { message: i.message };
  });
}

/** The error shown beside a criterion, if the summary holds one for it. */
export function criterionError(errors: SummaryError[], code: string): string | undefined {
  return errors.find((e) => e.fieldId?.startsWith(`score-${code}-`))?.message;
}

/** What a single-bid declaration still lacks, or null when it can be sent. */
export function declarationError(choice: 'none' | 'conflict' | '', nature: string): SummaryError | null {
  if (!choice)
    return { fieldId: 'declare-none', message: 'Say whether you have a conflict of interest in this bid' };
  if (choice === 'conflict' && !nature.trim())
    return { fieldId: 'declare-nature', message: 'Say what the conflict is' };
  return null;
}
