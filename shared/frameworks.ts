import * as z from 'zod';
import { idSchema, requiredText } from './schemas';
import { TEMPLATE_KEYS } from './framework-templates';

export {
  TEMPLATES,
  TEMPLATE_KEYS,
  templateForFund,
  templateFramework,
  type TemplateKey,
} from './framework-templates';

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
