import type { PackConflict } from '../../../shared/packs';
import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { STAGE_LABELS } from '../../../shared/stages';
import type { HandlerContext } from '../../handlers/context';
import { Refusal } from '../../handlers/refusal';
import type { ReceiveOutcome } from './types';
import type { AssessorReturn } from './assessor-payload';

// An assessor's return: on their laptop, every version of their own declarations and scores on
// the copy, and their submissions; at the office, merged into the round. Versions are matched by
// what they say and when they were made, so the same version is never added twice. The current
// score is the newest version, wherever it was made: when the office holds a later one (entered
// there after the pack went out) it is kept and the difference listed. A declaration of a conflict
// applies at once, whatever else the office holds.

/** Recipient: the assessor's own work on the copy. */
export function assessorReturn(ctx: HandlerContext, roundId: number, me: Person): AssessorReturn {
  const criteria = new Map(
    (ctx.store.frameworks.forRound(roundId)?.criteria ?? []).map((c) => [c.id, c.code] as const),
  );
  const bids = ctx.store.bids.listForRound(roundId).filter((b) => ctx.store.scoring.isAssigned(b.id, me.id));
  const result: AssessorReturn = { of: 'assessor', declarations: [], scores: [], submissions: [] };
  for (const bid of bids) {
    for (const d of ctx.store.scoring.declarationHistory(bid.id, me.id))
      result.declarations.push({
        ref: bid.ref,
        conflict: d.conflict,
        nature: d.nature,
        reason: d.reason,
        at: d.at,
      });
    for (const s of ctx.store.packs.scoreVersions(bid.id, me.id)) {
      const criterion = criteria.get(s.criterionId);
      if (criterion)
        result.scores.push({
          ref: bid.ref,
          criterion,
          score: s.score,
          justification: s.justification,
          submitted: s.submitted,
          at: s.at,
        });
    }
    const submission = ctx.store.scoring.submission(bid.id, me.id);
    if (submission) result.submissions.push({ ref: bid.ref, submittedAt: submission.submittedAt });
  }
  return result;
}

const newest = <T extends { at: string }>(rows: T[]): T | undefined =>
  rows.reduce<T | undefined>((best, row) => (!best || row.at >= best.at ? row : best), undefined);

/** Office: merges the return into the round, counting what was new and what it had already. */
// long-function: one pass over a return, counting what is added, unchanged and kept
export function mergeAssessorReturn(
  ctx: HandlerContext,
  round: Round,
  assessor: Person,
  data: AssessorReturn,
): ReceiveOutcome {
  if (round.stage !== 'assessment')
    throw new Refusal(
      'conflict',
      `Round "${round.name}" has moved on to ${STAGE_LABELS[round.stage].toLowerCase()}: an assessor's return ` +
        'is received while the round is at assessment; nothing was changed',
    );
  const framework = ctx.store.frameworks.forRound(round.id);
  const criteria = new Map((framework?.criteria ?? []).map((c) => [c.code.toLowerCase(), c] as const));
  refuseWhatNoLocalWriteCould(
    ctx,
    data,
    criteria,
    framework ? { min: framework.scaleMin, max: framework.scaleMax } : undefined,
  );
  let added = 0;
  let unchanged = 0;
  const conflicts: PackConflict[] = [];
  const refs = new Set(
    [...data.declarations, ...data.scores, ...data.submissions].map((r) => r.ref.toLowerCase()),
  );
  const bidOf = new Map<string, { id: number; ref: string }>();
  for (const ref of refs) {
    const bid = ctx.store.bids.findByRef(round.id, ref);
    if (!bid) {
      conflicts.push({
        ref,
        criterion: null,
        message: `${ref} is not a bid of this round: its work was not merged`,
      });
      continue;
    }
    if (!ctx.store.scoring.isAssigned(bid.id, assessor.id)) {
      conflicts.push({
        ref: bid.ref,
        criterion: null,
        message: `${assessor.name} is no longer assigned to ${bid.ref}: their work on it was not merged`,
      });
      continue;
    }
    bidOf.set(ref, bid);
  }

  for (const [ref, bid] of bidOf) {
    // Declarations: every version not yet held; the newest becomes the current one.
    const held = ctx.store.scoring.declarationHistory(bid.id, assessor.id);
    const given = data.declarations.filter((d) => d.ref.toLowerCase() === ref);
    for (const d of given) {
      const known = held.some(
        (h) => h.at === d.at && h.conflict === d.conflict && (h.nature ?? null) === d.nature,
      );
      if (known) unchanged += 1;
      else {
        ctx.store.packs.addDeclarationVersion({
          bidId: bid.id,
          personId: assessor.id,
          ...d,
          recordedBy: assessor.id,
        });
        added += 1;
      }
    }
    const latest = newest(given);
    const current = ctx.store.scoring.declaration(bid.id, assessor.id);
    if (latest) {
      if (current?.conflict && !latest.conflict)
        conflicts.push({
          ref: bid.ref,
          criterion: null,
          message:
            `${bid.ref}: the office holds ${assessor.name}'s declared conflict of interest; ` +
            'only a lead officer withdraws it, so it stands',
        });
      else if (latest.conflict || !current || latest.at > current.declaredAt)
        ctx.store.packs.setDeclaration(bid.id, assessor.id, latest.conflict, latest.nature, latest.at);
    }

    // Scores: every version not yet held; per criterion the newest version anywhere stands. A sheet
    // submitted at the office is final, as it is to a local write: only a reopening changes it.
    const submittedHere = ctx.store.scoring.submission(bid.id, assessor.id);
    const heldScores = ctx.store.packs.scoreVersions(bid.id, assessor.id);
    const currentScores = ctx.store.packs.currentScores(bid.id, assessor.id);
    const byCriterion = new Map<number, AssessorReturn['scores']>();
    for (const s of data.scores.filter((row) => row.ref.toLowerCase() === ref)) {
      const criterion = criteria.get(s.criterion.toLowerCase());
      if (!criterion) {
        conflicts.push({
          ref: bid.ref,
          criterion: s.criterion,
          message: `${bid.ref} ${s.criterion} is no longer a criterion of this round: that score was not merged`,
        });
        continue;
      }
      const known = heldScores.some(
        (h) =>
          h.criterionId === criterion.id &&
          h.at === s.at &&
          h.score === s.score &&
          h.justification === s.justification &&
          h.submitted === s.submitted,
      );
      if (known) unchanged += 1;
      else {
        if (submittedHere)
          throw new Refusal(
            'conflict',
            `${assessor.name}'s scoring sheet for ${bid.ref} is submitted at the office: a return cannot change a ` +
              'submitted sheet (a lead officer reopens it first); nothing was changed',
          );
        ctx.store.packs.addScoreVersion({
          bidId: bid.id,
          personId: assessor.id,
          criterionId: criterion.id,
          ...s,
        });
        added += 1;
      }
      byCriterion.set(criterion.id, [...(byCriterion.get(criterion.id) ?? []), s]);
    }
    for (const [criterionId, versions] of byCriterion) {
      const theirs = newest(versions)!;
      const ours = currentScores.find((c) => c.criterionId === criterionId);
      if (ours && ours.updatedAt > theirs.at) {
        if (ours.score !== theirs.score || ours.justification !== theirs.justification)
          conflicts.push({
            ref: bid.ref,
            criterion: theirs.criterion,
            message:
              `${bid.ref} ${theirs.criterion}: the office has ${assessor.name}'s later score ` +
              `${ours.score ?? 'none'} (${ours.updatedAt}); the return's ${theirs.score ?? 'none'} ` +
              `(${theirs.at}) is kept in the history only`,
          });
      } else
        ctx.store.packs.setScore(
          bid.id,
          assessor.id,
          criterionId,
          theirs.score,
          theirs.justification,
          theirs.at,
        );
    }

    // Submissions: counted once; a submission the office has since reopened stays reopened.
    const submitted = data.submissions.find((s) => s.ref.toLowerCase() === ref);
    if (submitted) {
      const reopened = ctx.store.scoring
        .reopeningsForRound(round.id)
        .some(
          (r) => r.bidId === bid.id && r.personId === assessor.id && r.submittedAt === submitted.submittedAt,
        );
      if (ctx.store.scoring.submission(bid.id, assessor.id)) unchanged += 1;
      else if (reopened)
        conflicts.push({
          ref: bid.ref,
          criterion: null,
          message:
            `${bid.ref}: the office reopened ${assessor.name}'s submission of ${submitted.submittedAt}; ` +
            'it stays reopened',
        });
      else {
        ctx.store.packs.addSubmission(bid.id, assessor.id, submitted.submittedAt);
        added += 1;
      }
    }
  }
  return {
    added,
    unchanged,
    conflicts,
    summary: {
      bids: bidOf.size,
      declarations: data.declarations.length,
      scores: data.scores.length,
      submissions: data.submissions.length,
    },
  };
}

/** A laptop's clock may run a little ahead of the office's; a day covers any honest difference. */
const CLOCK_ALLOWANCE_MS = 24 * 60 * 60 * 1000;

/**
 * A return is held to the rules a local write by its sender meets: a score within the criterion's
 * range, and nothing dated after the office receives it, give or take a laptop's clock (a version
 * "from 2099" would otherwise outrank every later score). One such row refuses the whole return.
 */
function refuseWhatNoLocalWriteCould(
  ctx: HandlerContext,
  data: AssessorReturn,
  criteria: Map<string, { gateway: boolean }>,
  scale: { min: number; max: number } | undefined,
) {
  const receivedAt = ctx.now();
  const latest = new Date(Date.parse(receivedAt) + CLOCK_ALLOWANCE_MS).toISOString();
  const dated = [...data.declarations, ...data.scores].map((r) => r.at);
  const future = [...dated, ...data.submissions.map((s) => s.submittedAt)].find((at) => at > latest);
  if (future)
    throw new Refusal(
      'invalid_input',
      `The return holds work dated ${future}, after the office received it (${receivedAt}): nothing was changed`,
    );
  for (const s of data.scores) {
    const criterion = criteria.get(s.criterion.toLowerCase());
    if (!criterion || s.score === null || !scale) continue;
    const [min, max] = criterion.gateway ? [0, 1] : [scale.min, scale.max];
    if (s.score < min || s.score > max)
      throw new Refusal(
        'invalid_input',
        `The return scores ${s.ref} ${s.criterion} ${s.score}, outside ${min} to ${max}: nothing was changed`,
      );
  }
}
