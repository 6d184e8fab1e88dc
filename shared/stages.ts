// A round's stages, in the order a round goes through them. The lead officer moves a round one
// stage forward at a time; signing the notice moves it to `signed`, and drafting a superseding
// notice takes it back to `decision`. What may be done in each stage is in the rule book.

export const STAGES = ['setup', 'open', 'assessment', 'board', 'decision', 'signed'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages a lead officer may move a round to by hand (signing alone reaches `signed`). */
export const MOVABLE_STAGES = ['setup', 'open', 'assessment', 'board', 'decision'] as const;
export type MovableStage = (typeof MOVABLE_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  setup: 'Setting up',
  open: 'Open for bids',
  assessment: 'Assessment',
  board: 'Board review',
  decision: 'Decision',
  signed: 'Signed',
};

/** The stage after `stage` that a lead officer may move to, or null when there is none. */
export function nextStage(stage: Stage): MovableStage | null {
  const next = STAGES[STAGES.indexOf(stage) + 1];
  return next && next !== 'signed' ? next : null;
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
