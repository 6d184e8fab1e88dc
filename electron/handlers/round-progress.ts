import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import type { RoundTask, TaskStatus } from '../../shared/progress';
import { maySeeRanking } from './blind-scoring';
import { shortlistFor } from './board';
import type { ReadContext } from './context';
import { getFramework } from './frameworks';
import { latestNotice } from './notice-record';
import { rankingFor } from './ranking';
import { mustGetRound } from './round-lookup';

// Where a round stands, for the task list on its overview: every figure in one place, counted from
// the record. Scores themselves never appear; what is derived from them side by side (moderation
// open, the shortlist) is shown only to those who may see the ranking (blind-scoring.ts).

const of = (done: number, total: number, noun: string) =>
  `${done} of ${total} ${noun}${total === 1 ? '' : 's'}`;

/** Done when all are done, in progress when some are, not started when none (and there are any). */
const partStatus = (done: number, total: number, cannot = total === 0): TaskStatus =>
  cannot ? 'cannot_start' : done >= total ? 'done' : done > 0 ? 'in_progress' : 'not_started';

// long-function: each stage's unfinished work, in the order the round's task list shows it
export function roundProgress(ctx: ReadContext, roundId: number) {
  const round = mustGetRound(ctx, roundId);
  const bids = ctx.store.bids.listForRound(roundId);
  const active = bids.filter((b) => b.status !== 'withdrawn' && b.status !== 'ineligible');
  const activeIds = new Set(active.map((b) => b.id));
  const framework = getFramework(ctx, roundId);
  const assignments = ctx.store.scoring.assignmentsForRound(roundId).filter((a) => activeIds.has(a.bidId));
  const declarations = ctx.store.scoring.declarationsForRound(roundId);
  const declared = new Set(declarations.map((d) => `${d.bidId}:${d.personId}`));
  const conflicted = new Set(declarations.filter((d) => d.conflict).map((d) => `${d.bidId}:${d.personId}`));
  const submitted = new Set(
    ctx.store.scoring.submissionsForRound(roundId).map((s) => `${s.bidId}:${s.personId}`),
  );
  const key = (a: { bidId: number; personId: number }) => `${a.bidId}:${a.personId}`;
  const expected = assignments.filter((a) => !conflicted.has(key(a)));
  const tasks: RoundTask[] = [];

  tasks.push({
    key: 'bids',
    label: 'Bids in',
    status: bids.length > 0 ? 'done' : 'not_started',
    count:
      `${bids.length} bid${bids.length === 1 ? '' : 's'}` +
      (bids.length > active.length ? ` (${bids.length - active.length} withdrawn or ineligible)` : ''),
    page: bids.length > 0 ? 'bids' : 'import',
    next: bids.length > 0 ? 'See the bids' : 'Import a schedule of bids',
  });
  tasks.push({
    key: 'framework',
    label: 'Scoring framework',
    status: framework ? 'done' : 'not_started',
    count: framework
      ? `${framework.criteria.length} criteria, threshold ${framework.threshold}%`
      : 'Not chosen',
    page: 'framework',
    next: framework ? 'See the framework' : 'Choose a scoring framework',
  });

  // Two assessors without a conflict per bid, as assessment:assign warns.
  const ablePerBid = new Map<number, number>();
  for (const a of expected) ablePerBid.set(a.bidId, (ablePerBid.get(a.bidId) ?? 0) + 1);
  const covered = active.filter((b) => (ablePerBid.get(b.id) ?? 0) >= 2).length;
  tasks.push({
    key: 'assessors',
    label: 'Assessors assigned',
    status: partStatus(covered, active.length, active.length === 0 || !framework),
    count: `${of(covered, active.length, 'bid')} with two assessors`,
    page: 'assessment',
    next: covered < active.length ? 'Assign assessors' : 'See the assessment',
  });
  const declaredCount = assignments.filter((a) => declared.has(key(a))).length;
  tasks.push({
    key: 'declarations',
    label: 'Declarations of interest',
    status: partStatus(declaredCount, assignments.length),
    count:
      `${of(declaredCount, assignments.length, 'assignment')} declared` +
      (conflicted.size > 0 ? `, ${conflicted.size} conflict${conflicted.size === 1 ? '' : 's'}` : ''),
    page: 'assessment',
    next: declaredCount < assignments.length ? 'Record declarations' : 'See the declarations',
  });
  const submittedCount = expected.filter((a) => submitted.has(key(a))).length;
  tasks.push({
    key: 'scoring',
    label: 'Scoring',
    status: partStatus(submittedCount, expected.length),
    count: `${of(submittedCount, expected.length, 'scoring sheet')} submitted`,
    page: 'assessment',
    next: submittedCount < expected.length ? 'Score bids' : 'See the scoring',
  });

  const sees = maySeeRanking(ctx, roundId);
  const ranking = framework && sees ? rankingFor(ctx, roundId).filter((r) => activeIds.has(r.bidId)) : [];
  const hidden = (label: string, taskKey: 'moderation' | 'shortlist'): RoundTask => ({
    key: taskKey,
    label,
    status: framework ? 'hidden' : 'cannot_start',
    count: framework
      ? 'Seen only by lead officers, board members and the commissioner, once any scores of their own are in'
      : 'No framework yet',
    page: 'overview',
    next: '',
  });
  if (!framework || !sees) tasks.push(hidden('Moderation', 'moderation'));
  else {
    const open = ranking.filter((r) => r.moderationOpen).length;
    tasks.push({
      key: 'moderation',
      label: 'Moderation',
      status: open > 0 ? 'attention' : submittedCount > 0 ? 'done' : 'cannot_start',
      count: open > 0 ? `Open on ${open} bid${open === 1 ? '' : 's'}` : 'None open',
      page: 'moderation',
      next: open > 0 ? 'Moderate the scores' : 'See the moderation',
    });
  }
  let shortlisted: number[] = [];
  if (!framework || !sees) tasks.push(hidden('Shortlist', 'shortlist'));
  else {
    shortlisted = shortlistFor(ctx, roundId)
      .items.filter((i) => i.included && activeIds.has(i.bidId))
      .map((i) => i.bidId);
    const complete = ranking.filter((r) => r.complete).length;
    tasks.push({
      key: 'shortlist',
      label: 'Shortlist',
      status: shortlisted.length > 0 ? 'done' : complete > 0 ? 'not_started' : 'cannot_start',
      count: `${shortlisted.length} of ${complete} fully scored bid${complete === 1 ? '' : 's'} shortlisted`,
      page: 'board',
      next: shortlisted.length > 0 ? 'See the shortlist' : 'Set the shortlist',
    });
  }

  const views = ctx.store.board.views(roundId);
  const viewed = new Set(views.map((v) => v.bidId));
  const reviewers = new Set(views.map((v) => v.person)).size;
  tasks.push({
    key: 'board',
    label: 'Board views',
    status:
      views.length === 0
        ? round.stage === 'board' || round.stage === 'decision'
          ? 'not_started'
          : 'cannot_start'
        : sees && shortlisted.some((id) => !viewed.has(id))
          ? 'in_progress'
          : 'done',
    count:
      views.length === 0
        ? 'None recorded'
        : `${views.length} view${views.length === 1 ? '' : 's'} on ${viewed.size} bid${viewed.size === 1 ? '' : 's'}` +
          ` from ${reviewers} ${reviewers === 1 ? 'person' : 'people'}`,
    page: 'board',
    next: "Record the board's views",
  });

  const items = ctx.store.allocation.items(roundId);
  const allocated = items.reduce((sum, i) => sum + i.amountPence, 0);
  tasks.push({
    key: 'allocation',
    label: 'Allocation',
    status: items.length === 0 ? 'not_started' : allocated > round.availablePence ? 'attention' : 'done',
    count:
      items.length === 0
        ? 'Nothing allocated'
        : `${items.length} award${items.length === 1 ? '' : 's'}, ${formatMoney(allocated)} of ` +
          `${formatMoney(round.availablePence)}`,
    page: 'allocation',
    next: items.length === 0 ? 'Allocate the money' : 'See the allocation',
  });

  const notice = latestNotice(ctx, roundId);
  tasks.push({
    key: 'notice',
    label: 'Notice of Decision',
    status: !notice ? 'not_started' : notice.status === 'signed' ? 'done' : 'in_progress',
    count: !notice
      ? 'Not drafted'
      : `${notice.number}: ${
          { draft: 'draft', ready: 'sent for sign-off', signed: 'signed', superseded: 'superseded' }[
            notice.status
          ]
        }`,
    page: 'notice',
    next: !notice ? 'Draft the notice' : notice.status === 'signed' ? 'See the notice' : 'Finish the notice',
  });

  const people = [...new Set(assignments.map((a) => a.personId))];
  return {
    roundId,
    tasks,
    assessors: people
      .map((personId) => {
        const own = assignments.filter((a) => a.personId === personId);
        return {
          person: own[0]?.person ?? '',
          submitted: own.filter((a) => submitted.has(key(a)) && !conflicted.has(key(a))).length,
          expected: own.filter((a) => !conflicted.has(key(a))).length,
          conflicts: own.filter((a) => conflicted.has(key(a))).length,
        };
      })
      .sort((a, b) => a.person.localeCompare(b.person, 'en-GB')),
  };
}

export const roundProgressHandlers = {
  'rounds:progress': (input: ParsedInput<'rounds:progress'>, ctx: ReadContext) =>
    roundProgress(ctx, input.roundId),
};
