import * as z from 'zod';
import { idSchema, requiredText } from './schemas';

export const partnershipSchema = z.object({
  id: idSchema,
  name: z.string(),
  area: z.string().nullable(),
  /** One of the office's own partnerships: named in the notice when it made no bid. */
  office: z.boolean(),
  aliases: z.array(z.string()),
  bidCount: z.number().int(),
});

export const partnershipAddSchema = z.object({
  name: requiredText('partnership name', 200),
  area: z
    .string()
    .trim()
    .max(100, { error: 'The area must be 100 characters or fewer' })
    .optional()
    .transform((value) => value || null),
});
export type Partnership = z.infer<typeof partnershipSchema>;

export interface PriorityNode {
  id: number;
  code: string;
  title: string;
  children: PriorityNode[];
}
export const priorityNodeSchema: z.ZodType<PriorityNode> = z.lazy(() =>
  z.object({ id: idSchema, code: z.string(), title: z.string(), children: z.array(priorityNodeSchema) }),
);

export const planSchema = z.object({
  id: idSchema,
  title: z.string(),
  period: z.string(),
  roundCount: z.number().int(),
  priorities: z.array(priorityNodeSchema),
});
export type Plan = z.infer<typeof planSchema>;

export interface PriorityInput {
  code: string;
  title: string;
  children: PriorityInput[];
}
export const priorityInputSchema: z.ZodType<PriorityInput> = z.lazy(() =>
  z.object({
    code: requiredText('priority code', 20),
    title: requiredText('priority title', 500),
    children: z.array(priorityInputSchema).max(100),
  }),
);

export const planCreateSchema = z.object({
  title: requiredText('plan title', 200),
  period: requiredText('period the plan covers', 40),
  priorities: z.array(priorityInputSchema).min(1, { error: 'A plan needs at least one priority' }).max(100),
});
export type PlanCreate = z.input<typeof planCreateSchema>;
