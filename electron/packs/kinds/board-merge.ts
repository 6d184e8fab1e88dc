import { BOARD_VIEW_LABELS } from '../../../shared/assessment';
import { formatDate } from '../../../shared/dates';
import type { PackConflict } from '../../../shared/packs';
import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { STAGE_LABELS } from '../../../shared/stages';
import type { HandlerContext, ReadContext } from '../../handlers/context';
import { Refusal } from '../../handlers/refusal';
import type { BoardReturn } from './board-payload';
import { laterOf, type MergeTimes } from './new-versions';
import type { ReceiveOutcome } from './types';

// A board member's return: on their laptop, their own views and comments as they stand on the
// copy; at the office, merged view by view. A view the office already has is unchanged. Another
// replaces the office's, recorded at the office's receipt time, unless the office recorded a view
// for them itself since it last heard from them (the pack was made, or their last return came):
// then the office's is kept and the difference listed. No laptop's clock decides which stands.

/** Board member: their own views on the copy. */
export function boardReturn(ctx: ReadContext, roundId: number, me: Person): BoardReturn {
  const refOf = new Map(ctx.store.bids.listForRound(roundId).map((b) => [b.id, b.ref]));
  return {
    of: 'board',
    views: ctx.store.board
      .views(roundId)
      .filter((v) => v.person.toLowerCase() === me.name.toLowerCase() && refOf.has(v.bidId))
      .map((v) => ({
        ref: refOf.get(v.bidId)!,
        view: v.view,
        comment: v.comment,
        meetingOn: v.meetingOn,
      })),
  };
}

const say = (v: { view: keyof typeof BOARD_VIEW_LABELS; comment: string }) =>
  `${BOARD_VIEW_LABELS[v.view]}${v.comment ? ` ("${v.comment}")` : ''}`;

/** Office: the member's views merged into the round, all or nothing. */
export function mergeBoardReturn(
  ctx: HandlerContext,
  round: Round,
  member: Person,
  data: BoardReturn,
  times: MergeTimes,
): ReceiveOutcome {
  if (round.stage !== 'board')
    throw new Refusal(
      'conflict',
      `Round "${round.name}" has moved on to ${STAGE_LABELS[round.stage].toLowerCase()}: a board member's ` +
        'return is received while the round is at board review; nothing was changed',
    );
  const held = new Map(
    ctx.store.board
      .views(round.id)
      .filter((v) => v.person.toLowerCase() === member.name.toLowerCase())
      .map((v) => [v.bidId, v]),
  );
  let added = 0;
  let unchanged = 0;
  const conflicts: PackConflict[] = [];
  for (const view of data.views) {
    const bid = ctx.store.bids.findByRef(round.id, view.ref);
    if (!bid) {
      conflicts.push({
        ref: view.ref,
        criterion: null,
        message: `${view.ref} is not a bid of this round: ${member.name}'s view of it was not merged`,
      });
      continue;
    }
    const office = held.get(bid.id);
    if (
      office &&
      office.view === view.view &&
      office.comment === view.comment &&
      office.meetingOn === view.meetingOn
    ) {
      unchanged += 1;
      continue;
    }
    if (office && office.at > laterOf(times.packMadeAt, times.lastReceivedAt)) {
      conflicts.push({
        ref: bid.ref,
        criterion: null,
        message:
          `${bid.ref}: kept ${member.name}'s view recorded at the office on ${formatDate(office.at.slice(0, 10))}, ` +
          `after the pack went out, ${say(office)}; the return's view was ${say(view)}`,
      });
      continue;
    }
    ctx.store.board.recordView(bid.id, member.id, view.view, view.comment, view.meetingOn, times.receivedAt);
    added += 1;
  }
  return { added, unchanged, conflicts, summary: { views: data.views.length } };
}
