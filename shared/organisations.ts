import { z } from 'zod';
import { idSchema } from './schemas';

export const partnershipSchema = z.object({
  id: idSchema,
  name: z.string(),
  area: z.string().nullable(),
  aliases: z.array(z.string()),
  bidCount: z.number().int(),
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
