import { BOARD_VIEW_LABELS, BOARD_VIEWS } from '../../shared/board-views';
import { formatMoney } from '../../shared/money';
import { CliRefusal, idOption, printJson, requiredOption, type Command } from './commands';

// The board's views and sending the notice for sign-off: what a board member does on their own
// laptop before returning a board pack, and what the office does before making a sign-off pack.

type BoardView = (typeof BOARD_VIEWS)[number];

export const decisionCommands: Command[] = [
  {
    words: ['board', 'show'],
    usage: 'board show --round ID [--json]',
    summary: "The board pack: the shortlist in rank order with each bid's score, recommendation and views",
    options: { round: { type: 'string' } },
    async run(ctx) {
      const pack = await ctx.call('board:pack', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, pack);
      for (const bid of pack) {
        ctx.print(
          `${bid.rank ?? '-'}. ${bid.ref} ${bid.title} (${bid.partnership}): ${formatMoney(bid.requestedPence)} ` +
            `requested, score ${bid.weightedScore ?? 'none'}`,
        );
        for (const v of bid.views)
          ctx.print(`     ${v.person}: ${BOARD_VIEW_LABELS[v.view]}${v.comment ? ` (${v.comment})` : ''}`);
      }
    },
  },
  {
    words: ['board', 'view'],
    usage:
      'board view --round ID --bid REF --view support|support_with_conditions|do_not_support ' +
      '[--comment TEXT] [--meeting YYYY-MM-DD]',
    summary: 'Record your view of a shortlisted bid as a board member (your own; it replaces your last)',
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      view: { type: 'string' },
      comment: { type: 'string' },
      meeting: { type: 'string' },
    },
    async run(ctx) {
      const view = requiredOption(ctx, 'view');
      if (!(BOARD_VIEWS as readonly string[]).includes(view))
        throw new CliRefusal(`--view must be one of ${BOARD_VIEWS.join(', ')}, not "${view}"`);
      const comment = ctx.values.comment;
      const meeting = ctx.values.meeting;
      const bidRef = requiredOption(ctx, 'bid');
      await ctx.call('board:recordView', {
        roundId: idOption(ctx, 'round'),
        bidRef,
        view: view as BoardView,
        ...(typeof comment === 'string' ? { comment } : {}),
        ...(typeof meeting === 'string' ? { meetingOn: meeting } : {}),
      });
      if (ctx.json) return printJson(ctx, { bid: bidRef, view });
      ctx.print(`Recorded: ${BOARD_VIEW_LABELS[view as BoardView]} for ${bidRef}`);
    },
  },
  {
    words: ['notice', 'ready'],
    usage: 'notice ready --round ID [--reason TEXT] [--json]',
    summary:
      "Send the round's Notice of Decision for sign-off (lead officers), drafting it from the record if " +
      'there is none yet; refused while the decision has a problem. --reason says why it goes ahead ' +
      'despite the readiness warnings (see `readiness`)',
    options: { round: { type: 'string' }, reason: { type: 'string' } },
    async run(ctx) {
      const roundId = idOption(ctx, 'round');
      const reason = ctx.values.reason;
      await ctx.call('notices:create', { roundId });
      const notice = await ctx.call('notices:ready', {
        roundId,
        ...(typeof reason === 'string' ? { readinessReason: reason } : {}),
      });
      if (ctx.json) return printJson(ctx, { number: notice.number, status: notice.status });
      ctx.print(`Decision ${notice.number} is ready for sign-off`);
    },
  },
];
