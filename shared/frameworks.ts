import { z } from 'zod';
import { idSchema, requiredText } from './schemas';
import { TEMPLATE_KEYS, type TemplateKey } from './framework-templates';

export { TEMPLATE_KEYS, type TemplateKey };

// Scoring frameworks: a pass/fail gateway, weighted criteria on a scale with a descriptor for
// every point, optional minimum scores, and an overall quality threshold.

export const criterionInputSchema = z.object({
  code: requiredText('criterion code', 12).regex(/^[A-Za-z0-9.-]+$/, {
    error: 'Write the criterion code with letters, digits, "." or "-", like C1',
  }),
  name: requiredText('criterion name', 200),
  guidance: z.string().trim().max(5_000).default(''),
  weight: z
    .number({ error: 'The weight must be a whole percentage' })
    .int({ error: 'The weight must be a whole percentage' })
    .min(0)
    .max(100),
  minScore: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
  gateway: z.boolean().default(false),
});
export type CriterionInput = z.input<typeof criterionInputSchema>;

export const frameworkFieldsSchema = z.object({
  scaleMin: z.number().int().min(0).max(9),
  scaleMax: z.number().int().min(1).max(10),
  /** One descriptor for every point of the scale, lowest first. */
  descriptors: z.array(requiredText('descriptor', 200)),
  threshold: z
    .number()
    .int()
    .min(0, { error: 'The threshold is a percentage from 0 to 100' })
    .max(100, { error: 'The threshold is a percentage from 0 to 100' })
    .nullable(),
  divergence: z.number().int().min(1).max(10).default(2),
  criteria: z
    .array(criterionInputSchema)
    .min(1, { error: 'A framework needs at least one criterion' })
    .max(40),
});

export function checkFramework(f: z.output<typeof frameworkFieldsSchema>, ctx: z.RefinementCtx) {
  if (f.scaleMax <= f.scaleMin)
    ctx.addIssue({
      code: 'custom',
      path: ['scaleMax'],
      message: 'The top of the scale must be above the bottom',
    });
  if (f.descriptors.length !== f.scaleMax - f.scaleMin + 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['descriptors'],
      message:
        `Give a descriptor for every point from ${f.scaleMin} to ${f.scaleMax} (` +
        `${f.scaleMax - f.scaleMin + 1} in all)`,
    });
  }
  const weighted = f.criteria.filter((c) => !c.gateway);
  const total = weighted.reduce((sum, c) => sum + c.weight, 0);
  if (weighted.length === 0)
    ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'At least one criterion must carry weight' });
  else if (total !== 100)
    ctx.addIssue({
      code: 'custom',
      path: ['criteria'],
      message: `The weights add up to ${total}%; they must add up to 100%`,
    });
  f.criteria.forEach((c, i) => {
    if (c.gateway && c.weight !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'weight'],
        message: `${c.code} is a pass/fail gateway and carries no weight`,
      });
    if (c.minScore !== null && (c.minScore < f.scaleMin || c.minScore > f.scaleMax)) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'minScore'],
        message: `${c.code}'s minimum must be on the scale (${f.scaleMin} to ${f.scaleMax})`,
      });
    }
  });
  const codes = f.criteria.map((c) => c.code.toLowerCase());
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'code'],
        message: `The code ${f.criteria[i]?.code} is used twice`,
      });
  });
}

export const frameworkUpdateSchema = frameworkFieldsSchema
  .extend({
    roundId: idSchema,
    /** Needed once any score exists: the change is then recorded. */
    confirmChangeAfterScoring: z.boolean().default(false),
    reason: z.string().trim().max(2_000).optional(),
  })
  .superRefine(checkFramework);

export const frameworkUseSchema = z.object({
  roundId: idSchema,
  template: z.enum(TEMPLATE_KEYS).optional(),
  copyFromRoundId: idSchema.optional(),
  confirmChangeAfterScoring: z.boolean().default(false),
});

export const criterionSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  guidance: z.string(),
  weight: z.number().int(),
  minScore: z.number().int().nullable(),
  gateway: z.boolean(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const frameworkSchema = z.object({
  roundId: idSchema,
  template: z.string().nullable(),
  scale: z.object({
    min: z.number().int(),
    max: z.number().int(),
    descriptors: z.array(z.object({ score: z.number().int(), descriptor: z.string() })),
  }),
  criteria: z.array(criterionSchema),
  threshold: z.number().int().nullable(),
  divergence: z.number().int(),
  scoringStarted: z.boolean(),
  changes: z.array(z.object({ summary: z.string(), by: z.string().nullable(), at: z.string() })),
});
export type Framework = z.infer<typeof frameworkSchema>;

type TemplateCriterion = {
  code: string;
  name: string;
  guidance: string;
  weight: number;
  minScore?: number;
  gateway?: boolean;
};

const ZERO_TO_FIVE = ['No evidence', 'Poor', 'Partial', 'Satisfactory', 'Good', 'Outstanding'];

/** Starting points the office adjusts. Weights are not published by the funders; these are ours. */
export const TEMPLATES: Record<
  TemplateKey,
  {
    label: string;
    scaleMin: number;
    scaleMax: number;
    descriptors: string[];
    threshold: number;
    criteria: TemplateCriterion[];
  }
> = {
  'invest-to-save': {
    label: 'Invest to Save',
    scaleMin: 0,
    scaleMax: 5,
    descriptors: ZERO_TO_FIVE,
    threshold: 50,
    criteria: [
      {
        code: 'G1',
        name: 'Eligible and within the fund’s rules',
        guidance:
          'Pass if the bid is from an eligible partnership, is non-recurring, and can be spent within ' +
          'the financial year.',
        weight: 0,
        gateway: true,
      },
      {
        code: 'C1',
        name: 'Strategic fit with Police and Crime Plan priorities',
        guidance: 'How directly the bid advances the plan’s priorities; see the priority alignment.',
        weight: 25,
        minScore: 2,
      },
      {
        code: 'C2',
        name: 'Evidence of need',
        guidance: 'Local data, problem profiles or reviews that show the need in the places named.',
        weight: 20,
      },
      {
        code: 'C3',
        name: 'Savings or efficiency (invest to save)',
        guidance: 'How the one-off money leads to more efficient working or lasting savings.',
        weight: 20,
      },
      {
        code: 'C4',
        name: 'Deliverability within the financial year',
        guidance: 'A credible plan, timeline and owner to spend and deliver in year.',
        weight: 15,
      },
      {
        code: 'C5',
        name: 'Value for money and robustness of costs',
        guidance: 'Itemised costs that add up, are reasonable and match the amount requested.',
        weight: 10,
      },
      {
        code: 'C6',
        name: 'Sustainability and exit',
        guidance: 'What continues after the one-off funding, and who pays for it.',
        weight: 10,
      },
    ],
  },
  'safer-streets': {
    label: 'Safer Streets',
    scaleMin: 0,
    scaleMax: 5,
    descriptors: ZERO_TO_FIVE,
    threshold: 60,
    criteria: [
      {
        code: 'G1',
        name: 'Within the fund’s cap',
        guidance: 'Pass if the request is within the round’s maximum per bid.',
        weight: 0,
        gateway: true,
      },
      {
        code: 'G2',
        name: 'Match funding in place',
        guidance: 'Pass if the match funding the prospectus requires is committed.',
        weight: 0,
        gateway: true,
      },
      {
        code: 'C1',
        name: 'Problem and evidence for the place',
        guidance: 'Crime and ASB data for the named area, and why here.',
        weight: 25,
        minScore: 2,
      },
      {
        code: 'C2',
        name: 'Evidence base of the interventions',
        guidance: 'What works: evidence that the chosen measures reduce the problem.',
        weight: 20,
      },
      {
        code: 'C3',
        name: 'Value for money',
        guidance: 'Costs that are itemised, reasonable and proportionate to the harm addressed.',
        weight: 15,
      },
      {
        code: 'C4',
        name: 'Deliverability and governance',
        guidance: 'Plan, milestones, risks and accountable owners within the funding period.',
        weight: 15,
      },
      {
        code: 'C5',
        name: 'Partnership',
        guidance: 'Who is involved and their commitment: CSP, VRP, police, voluntary partners.',
        weight: 15,
      },
      {
        code: 'C6',
        name: 'Sustainability',
        guidance: 'How benefits last beyond the funding period.',
        weight: 10,
      },
    ],
  },
};

/** The template a fund's new rounds start with, matched on its name; null for other funds. */
export function templateForFund(fund: string): TemplateKey | null {
  const name = fund.toLowerCase().replace(/[^a-z]+/g, ' ');
  if (/\binvest to save\b/.test(name)) return 'invest-to-save';
  if (/\bsafer streets\b/.test(name)) return 'safer-streets';
  return null;
}

/** A template as the values a round's framework is saved with. */
export function templateFramework(key: TemplateKey) {
  const template = TEMPLATES[key];
  return {
    template: key as string | null,
    scaleMin: template.scaleMin,
    scaleMax: template.scaleMax,
    descriptors: template.descriptors,
    threshold: template.threshold as number | null,
    divergence: 2,
    criteria: template.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      guidance: c.guidance,
      weight: c.weight,
      minScore: c.minScore ?? null,
      gateway: c.gateway ?? false,
    })),
  };
}
