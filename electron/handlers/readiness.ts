import { awardable } from '../../shared/awardable';
import type { ParsedInput } from '../../shared/contract';
import type { ReadinessItem } from '../../shared/readiness';
import { allocationFor } from './allocation';
import { maySeeRanking } from './blind-scoring';
import type { HandlerContext, ReadContext } from './context';
import { assertSoundDecision, decisionProblemList } from './decision-checks';
import { getFramework } from './frameworks';
import { latestNotice } from './notice-record';
import { officeSettings } from './office';
import { rankingFor } from './ranking';
import { fieldRefusal } from './refusal';
import { mustGetRound } from './round-lookup';

// The readiness list before a notice is sent for sign-off or signed (shared/readiness.ts). The
// page shows it through `notices:readiness`; `notices:ready` and `notices:sign` enforce it with
// `assertReady`, so what the page warns of and what the handlers refuse cannot drift apart.

const list = (refs: string[]) =>
  refs.length > 12 ? `${refs.slice(0, 12).join(', ')} and ${refs.length - 12} more` : refs.join(', ');

/** Every item of the list, blocking first. */
// long-function: every check before signing, in the order the readiness list shows them
export function decisionReadiness(ctx: ReadContext, roundId: number): ReadinessItem[] {
  mustGetRound(ctx, roundId);
  const items: ReadinessItem[] = decisionProblemList(ctx, roundId).map((p) => ({ level: 'blocking', ...p }));
  const excused = new Set(
    ctx.store.bids
      .listForRound(roundId)
      .filter((b) => !awardable(b))
      .map((b) => b.id),
  );

  if (!getFramework(ctx, roundId)) {
    items.push({
      level: 'warning',
      message: 'The round has no scoring framework, so no bid has been scored',
      page: 'framework',
      fix: 'Choose a scoring framework',
    });
  } else {
    const ranking = rankingFor(ctx, roundId).filter((r) => !excused.has(r.bidId));
    // A bid with a sheet still to submit is already blocking; this names bids nobody was set to score.
    const settled = new Set([
      ...ctx.store.scoring.submissionsForRound(roundId).map((s) => `${s.bidId}:${s.personId}`),
      ...ctx.store.scoring
        .declarationsForRound(roundId)
        .filter((d) => d.conflict)
        .map((d) => `${d.bidId}:${d.personId}`),
    ]);
    const unsubmitted = new Set(
      ctx.store.scoring
        .assignmentsForRound(roundId)
        .filter((a) => !settled.has(`${a.bidId}:${a.personId}`))
        .map((a) => a.bidId),
    );
    const unscored = ranking.filter((r) => !r.complete && !unsubmitted.has(r.bidId));
    if (unscored.length > 0)
      items.push({
        level: 'warning',
        message:
          `${unscored.length === 1 ? 'A bid is' : `${unscored.length} bids are`} not fully scored ` +
          `(no assessor without a conflict has scored ${unscored.length === 1 ? 'it' : 'them'}): ` +
          list(unscored.map((r) => r.ref)),
        page: 'assessment',
        fix: 'Assign assessors',
      });
    const open = ranking.filter((r) => r.moderationOpen);
    // Which bids' scores diverge is for those who may see scores side by side (blind-scoring.ts).
    if (open.length > 0)
      items.push({
        level: 'warning',
        message: maySeeRanking(ctx, roundId)
          ? `Moderation is still open on ${list(open.map((r) => r.ref))}: assessors' scores differ ` +
            'and nobody has moderated them'
          : 'Moderation is still open on some bids (which ones shows once your own scores are in)',
        page: 'moderation',
        fix: 'Moderate the scores',
      });
  }

  if (ctx.store.board.views(roundId).length === 0)
    items.push({
      level: 'warning',
      message: "No board views are recorded: the notice will not show the board's review",
      page: 'board',
      fix: "Record the board's views",
    });

  // Departures name ranks: blind scoring keeps those words from anyone who may not see the ranking.
  const seesRanking = maySeeRanking(ctx, roundId);
  for (const item of allocationFor(ctx, roundId).items) {
    if (item.departures.length === 0) continue;
    const what = seesRanking ? item.departures.join('; ') : `${item.ref} is awarded away from the ranking`;
    items.push(
      item.reason
        ? {
            level: 'noted',
            message: `${what}. Reason recorded: ${item.reason}`,
            page: 'allocation',
            fix: 'See the allocation',
          }
        : {
            level: 'warning',
            message: `${what}, and no reason is recorded`,
            page: 'allocation',
            fix: 'Record the reason',
          },
    );
  }

  const office = officeSettings(ctx);
  const missing = (
    [
      ['contact officer', office.contactOfficer],
      ['telephone', office.telephone],
      ['email', office.email],
    ] as const
  )
    .filter(([, value]) => !value.trim())
    .map(([label]) => label);
  if (missing.length > 0)
    items.push({
      level: 'warning',
      message: `The notice has no ${missing.join(', ').replace(/, ([^,]*)$/, ' or $1')}: it would print blank`,
      page: 'notice',
      fix: 'Add the contact details',
    });

  const order = { blocking: 0, warning: 1, noted: 2 } as const;
  return (onCopy(ctx, roundId) ? copyReadiness(ctx, roundId, items) : items).sort(
    (a, b) => order[a.level] - order[b.level],
  );
}

const onCopy = (ctx: ReadContext, roundId: number) => Boolean(ctx.store.packs.roundIdentity(roundId)?.copyOf);

/**
 * A round copy received in a sign-off pack holds the decision, not the assessment behind it (no
 * scores, views or office settings), so its warnings would be about what is missing from the copy.
 * The office weighed the readiness list when it sent the notice for sign-off, and its reason travels
 * with the notice: on the copy only what makes the decision unsound blocks, and the office's reason
 * is noted.
 */
function copyReadiness(ctx: ReadContext, roundId: number, items: ReadinessItem[]): ReadinessItem[] {
  const kept = items.filter((i) => i.level === 'blocking');
  const sentReason = latestNotice(ctx, roundId)?.sentReason;
  kept.push({
    level: 'noted',
    message: sentReason
      ? 'The office checked the readiness list when it sent this notice for sign-off, and went ahead ' +
        `because: ${sentReason}`
      : 'The office checked the readiness list when it sent this notice for sign-off',
    page: 'notice',
    fix: 'Read the notice',
  });
  return kept;
}

/**
 * Refuses to send for sign-off or sign while anything blocks, or while there are warnings and no
 * reason to go ahead. Returns the reason to record (null when none was given).
 */
export function assertReady(
  ctx: HandlerContext,
  roundId: number,
  doing: 'sent for sign-off' | 'signed',
  reason: string | undefined,
): string | null {
  assertSoundDecision(ctx, roundId, doing);
  const warnings = decisionReadiness(ctx, roundId).filter((i) => i.level === 'warning');
  if (warnings.length > 0 && !reason)
    throw fieldRefusal(
      'invalid_input',
      'readinessReason',
      `Give the reason the decision can be ${doing} as it stands: ` +
        `${warnings.map((w) => w.message).join('; ')}`,
    );
  return reason ?? null;
}

export const readinessHandlers = {
  'notices:readiness': (input: ParsedInput<'notices:readiness'>, ctx: ReadContext) => {
    const items = decisionReadiness(ctx, input.roundId);
    return {
      roundId: input.roundId,
      items,
      blocking: items.filter((i) => i.level === 'blocking').length,
      warnings: items.filter((i) => i.level === 'warning').length,
    };
  },
};
