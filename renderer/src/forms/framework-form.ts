import { frameworkUpdateSchema, type Framework } from '../../../shared/frameworks';

// The framework editor as typed, and how it becomes a contract input.

export interface CriterionRow {
  code: string;
  name: string;
  guidance: string;
  weight: string;
  minScore: string;
  gateway: boolean;
}

export interface FrameworkFormValues {
  scaleMin: string;
  scaleMax: string;
  descriptors: string[];
  threshold: string;
  divergence: string;
  criteria: CriterionRow[];
  reason: string;
}

export function frameworkToForm(f: Framework): FrameworkFormValues {
  return {
    scaleMin: String(f.scale.min),
    scaleMax: String(f.scale.max),
    descriptors: f.scale.descriptors.map((d) => d.descriptor),
    threshold: f.threshold === null ? '' : String(f.threshold),
    divergence: String(f.divergence),
    criteria: f.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      guidance: c.guidance,
      weight: String(c.weight),
      minScore: c.minScore === null ? '' : String(c.minScore),
      gateway: c.gateway,
    })),
    reason: '',
  };
}

export function weightTotal(values: FrameworkFormValues): number {
  return values.criteria.filter((c) => !c.gateway).reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
}

const whole = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** Field key for an issue path: `scaleMax`, `descriptors`, `criteria`, `criteria.2.weight`… */
export function frameworkField(path: (string | number)[]): string {
  return path.slice(0, 3).join('.');
}

export function validateFrameworkForm(roundId: number, values: FrameworkFormValues, confirm: boolean) {
  const input = {
    roundId,
    scaleMin: whole(values.scaleMin),
    scaleMax: whole(values.scaleMax),
    descriptors: values.descriptors,
    threshold: values.threshold.trim() === '' ? null : whole(values.threshold),
    divergence: whole(values.divergence),
    criteria: values.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      guidance: c.guidance,
      weight: c.gateway ? 0 : whole(c.weight),
      minScore: c.minScore.trim() === '' ? null : whole(c.minScore),
      gateway: c.gateway,
    })),
    confirmChangeAfterScoring: confirm,
    reason: values.reason,
  };
  const parsed = frameworkUpdateSchema.safeParse(input);
  if (parsed.success) return { input: parsed.data, errors: {} as Record<string, string> };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = frameworkField(issue.path as (string | number)[]);
    errors[key] ??= issue.message.startsWith('Invalid input') ? 'Enter a whole number' : issue.message;
  }
  return { errors };
}
