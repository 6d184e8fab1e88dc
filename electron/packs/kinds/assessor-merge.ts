import { formatDate } from '../../../shared/dates';
import type { PackConflict } from '../../../shared/packs';
import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { STAGE_LABELS } from '../../../shared/stages';
import type { HandlerContext } from '../../handlers/context';
import { Refusal } from '../../handlers/refusal';
import type { ReceiveOutcome } from './types';
import type { AssessorReturn } from './assessor-payload';
import { laterOf, newVersions, type MergeTimes } from './new-versions';

// An assessor's return: on their laptop, every version of their own declarations and scores on
// the copy, in the order made, and their submissions; at the office, merged into the round. No
// laptop's clock decides anything here: a version is new when the office does not hold it yet
// (new-versions.ts), everything taken is recorded at the office's receipt time, and the return's
// last version of a score stands unless the office changed that score itself since it last heard
// from the assessor (the pack was made, or their last return came), when the office's is kept and
// the difference listed. A declaration of a conflict applies at once, whatever else the office holds.

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
        });
    }
    const submission = ctx.store.scoring.submission(bid.id, me.id);
    if (submission) result.submissions.push({ ref: bid.ref });
  }
  return result;
}

type Declaration = AssessorReturn['declarations'][number];
type Score = AssessorReturn['scores'][number];
type Criterion = { id: number; code: string; gateway: boolean };

interface BidMerge {
  ctx: HandlerContext;
  bid: { id: number; ref: string };
  assessor: Person;
  times: MergeTimes;
  conflicts: PackConflict[];
  count: (isNew: boolean) => void;
}

/** The bid's score versions and current scores at the office, read once before its criteria merge. */
interface HeldScores {
  versions: ReturnType<HandlerContext['store']['packs']['scoreVersions']>;
  current: ReturnType<HandlerContext['store']['packs']['currentScores']>;
}

const declarationKey = (d: { conflict: boolean; nature: string | null; reason: string | null }) =>
  JSON.stringify([d.conflict, d.nature ?? null, d.reason ?? null]);
const scoreKey = (s: { score: number | null; justification: string; submitted: boolean }) =>
  JSON.stringify([s.score, s.justification, s.submitted]);

/** Declarations: every version not yet held; the return's last, when new, becomes the current one. */
function mergeDeclarations(m: BidMerge, given: Declaration[]) {
  const { ctx, bid, assessor, times } = m;
  const fresh = newVersions(given, ctx.store.scoring.declarationHistory(bid.id, assessor.id), declarationKey);
  given.forEach((d, i) => {
    m.count(fresh[i]!);
    if (fresh[i])
      ctx.store.packs.addDeclarationVersion({
        bidId: bid.id,
        personId: assessor.id,
        conflict: d.conflict,
        nature: d.nature,
        reason: d.reason,
        recordedBy: assessor.id,
        at: times.receivedAt,
      });
  });
  const latest = given.at(-1);
  if (!latest || !fresh.at(-1)) return;
  const current = ctx.store.scoring.declaration(bid.id, assessor.id);
  const since = laterOf(times.packMadeAt, times.lastReceivedAt);
  if (current?.conflict && !latest.conflict)
    m.conflicts.push({
      ref: bid.ref,
      criterion: null,
      message:
        `${bid.ref}: the office holds ${assessor.name}'s declared conflict of interest; ` +
        'only a lead officer withdraws it, so it stands',
    });
  else if (latest.conflict || !current || current.declaredAt <= since)
    ctx.store.packs.setDeclaration(bid.id, assessor.id, latest.conflict, latest.nature, times.receivedAt);
}

/**
 * Scores of one criterion: every version not yet held; the return's last, when new, stands unless
 * the office changed the score itself since it last heard from the assessor. A sheet submitted at
 * the office is final, as it is to a local write: only a reopening changes it.
 */
function mergeCriterion(m: BidMerge, held: HeldScores, criterion: Criterion, given: Score[]): boolean {
  const { ctx, bid, assessor, times } = m;
  const versions = held.versions.filter((h) => h.criterionId === criterion.id);
  const fresh = newVersions(given, versions, scoreKey);
  if (fresh.some(Boolean) && ctx.store.scoring.submission(bid.id, assessor.id))
    throw new Refusal(
      'conflict',
      `${assessor.name}'s scoring sheet for ${bid.ref} is submitted at the office: a return cannot change a ` +
        'submitted sheet (a lead officer reopens it first); nothing was changed',
    );
  given.forEach((s, i) => {
    m.count(fresh[i]!);
    if (fresh[i])
      ctx.store.packs.addScoreVersion({
        bidId: bid.id,
        personId: assessor.id,
        criterionId: criterion.id,
        score: s.score,
        justification: s.justification,
        submitted: s.submitted,
        at: times.receivedAt,
      });
  });
  const brought = fresh.some(Boolean);
  const theirs = given.at(-1);
  if (!theirs || !fresh.at(-1)) return brought;
  const ours = held.current.find((c) => c.criterionId === criterion.id);
  if (ours && ours.updatedAt > laterOf(times.packMadeAt, times.lastReceivedAt)) {
    if (ours.score !== theirs.score || ours.justification !== theirs.justification)
      m.conflicts.push({
        ref: bid.ref,
        criterion: criterion.code,
        message:
          `${bid.ref} ${criterion.code}: the office has ${assessor.name}'s later score ` +
          `${ours.score ?? 'none'}, entered at the office on ${formatDate(ours.updatedAt)} after the pack went out; ` +
          `the return's ${theirs.score ?? 'none'} is kept in the history only`,
      });
    return brought;
  }
  ctx.store.packs.setScore(
    bid.id,
    assessor.id,
    criterion.id,
    theirs.score,
    theirs.justification,
    times.receivedAt,
  );
  return brought;
}

/**
 * A submission: counted once. One the office has reopened stays reopened unless the return brings
 * new score versions for the bid: a sheet submitted again after a reopening is saved again, and
 * a return that only repeats the submission the office reopened changes nothing.
 */
function mergeSubmission(m: BidMerge, roundId: number, newScores: boolean) {
  const { ctx, bid, assessor, times } = m;
  if (ctx.store.scoring.submission(bid.id, assessor.id)) return m.count(false);
  const reopened = ctx.store.scoring
    .reopeningsForRound(roundId)
    .findLast((r) => r.bidId === bid.id && r.personId === assessor.id);
  if (reopened && !newScores)
    return m.conflicts.push({
      ref: bid.ref,
      criterion: null,
      message:
        `${bid.ref}: the office reopened ${assessor.name}'s submitted sheet on ${formatDate(reopened.at)}, ` +
        'and the return brings no new scores for it; it stays reopened',
    });
  ctx.store.packs.addSubmission(bid.id, assessor.id, times.receivedAt);
  m.count(true);
}

/** Office: merges the return into the round, counting what was new and what it had already. */
// long-function: one pass over a return, finding each bid and criterion before merging its rows
export function mergeAssessorReturn(
  ctx: HandlerContext,
  round: Round,
  assessor: Person,
  data: AssessorReturn,
  times: MergeTimes,
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
    data,
    criteria,
    framework ? { min: framework.scaleMin, max: framework.scaleMax } : undefined,
  );
  let added = 0;
  let unchanged = 0;
  const conflicts: PackConflict[] = [];
  const count = (isNew: boolean) => (isNew ? (added += 1) : (unchanged += 1));
  const refs = new Set(
    [...data.declarations, ...data.scores, ...data.submissions].map((r) => r.ref.toLowerCase()),
  );
  let bids = 0;
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
    bids += 1;
    const m: BidMerge = { ctx, bid, assessor, times, conflicts, count };
    mergeDeclarations(
      m,
      data.declarations.filter((d) => d.ref.toLowerCase() === ref),
    );
    const byCriterion = new Map<Criterion, Score[]>();
    for (const s of data.scores.filter((row) => row.ref.toLowerCase() === ref)) {
      const criterion = criteria.get(s.criterion.toLowerCase());
      if (criterion) byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), s]);
      else
        conflicts.push({
          ref: bid.ref,
          criterion: s.criterion,
          message: `${bid.ref} ${s.criterion} is no longer a criterion of this round: that score was not merged`,
        });
    }
    const held: HeldScores = {
      versions: ctx.store.packs.scoreVersions(bid.id, assessor.id),
      current: ctx.store.packs.currentScores(bid.id, assessor.id),
    };
    let newScores = false;
    for (const [criterion, given] of byCriterion)
      newScores = mergeCriterion(m, held, criterion, given) || newScores;
    if (data.submissions.some((s) => s.ref.toLowerCase() === ref)) mergeSubmission(m, round.id, newScores);
  }
  return {
    added,
    unchanged,
    conflicts,
    summary: {
      bids,
      declarations: data.declarations.length,
      scores: data.scores.length,
      submissions: data.submissions.length,
    },
  };
}

/**
 * A return is held to the rules a local write by its sender meets: a score within the criterion's
 * range. One such row refuses the whole return. (Times are not the return's to give: see above.)
 */
function refuseWhatNoLocalWriteCould(
  data: AssessorReturn,
  criteria: Map<string, { gateway: boolean }>,
  scale: { min: number; max: number } | undefined,
) {
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
