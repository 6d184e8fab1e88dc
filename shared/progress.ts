import * as z from 'zod';
import { ROUND_PAGES } from './readiness';
import { idSchema } from './schemas';
import type { MovableStage } from './stages';
import { TASK_STATUSES } from './task-statuses';

// Where a round stands, as a task list on its overview: each task with its status, its count and
// a link to the next thing to do (electron/handlers/round-progress.ts computes it).

export { TASK_STATUSES, TASK_STATUS_LABELS, type TaskStatus } from './task-statuses';

export const TASK_KEYS = [
  'bids',
  'framework',
  'assessors',
  'declarations',
  'scoring',
  'moderation',
  'shortlist',
  'board',
  'allocation',
  'notice',
] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

export const roundTaskSchema = z.object({
  key: z.enum(TASK_KEYS),
  label: z.string(),
  status: z.enum(TASK_STATUSES),
  /** The figure, in words: "12 of 13 bids". */
  count: z.string(),
  page: z.enum(ROUND_PAGES),
  /** The link's words: the next thing to do there. */
  next: z.string(),
});
export type RoundTask = z.infer<typeof roundTaskSchema>;

export const roundProgressSchema = z.object({
  roundId: idSchema,
  tasks: z.array(roundTaskSchema),
  /** Scoring per assessor: sheets submitted of those they are expected to score. */
  assessors: z.array(
    z.object({
      person: z.string(),
      submitted: z.number().int(),
      expected: z.number().int(),
      conflicts: z.number().int(),
    }),
  ),
});
export type RoundProgress = z.infer<typeof roundProgressSchema>;

/**
 * The tasks that belong to a stage: what is unfinished among them is listed before a lead officer
 * moves the round on (bid recording closes when it leaves "Open for bids", scoring when it leaves
 * assessment).
 */
export const STAGE_TASKS: Record<MovableStage, readonly TaskKey[]> = {
  setup: ['framework'],
  open: ['bids', 'framework', 'assessors'],
  assessment: ['declarations', 'scoring', 'moderation'],
  board: ['moderation', 'shortlist', 'board', 'allocation'],
  decision: ['allocation', 'notice'],
};

/** The tasks of `stage` not yet done, as the confirmation before leaving it lists them. */
export function unfinishedInStage(stage: MovableStage, tasks: readonly RoundTask[]): RoundTask[] {
  const keys = STAGE_TASKS[stage];
  return tasks.filter((t) => keys.includes(t.key) && t.status !== 'done' && t.status !== 'hidden');
}
