// A round task's statuses and their words, apart from the task list's schemas (shared/progress.ts)
// so that the command line can name them without building any.

export const TASK_STATUSES = [
  'done',
  'in_progress',
  'not_started',
  'attention',
  'cannot_start',
  'hidden',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  done: 'Completed',
  in_progress: 'In progress',
  not_started: 'Not yet started',
  attention: 'Needs attention',
  cannot_start: 'Cannot start yet',
  hidden: 'Panel only',
};
