import type { FeedbackSummary } from '../../shared/feedback';
import { idOption, printJson, requiredOption, type Command, type CommandContext } from './command-kit';
import { textTable } from './output';

// Feedback in the letters, in the office's words: an officer drafts a summary per bid and
// criterion, a lead officer approves it, and letters print approved words only.

function printList(ctx: CommandContext, list: FeedbackSummary[]) {
  if (ctx.json) return printJson(ctx, list);
  if (list.length === 0) return ctx.print('No feedback written for this round yet.');
  ctx.print(
    textTable(
      ['Bid', 'Criterion', 'Approved', 'Feedback'],
      list.map((f) => [
        f.ref,
        f.criterion,
        f.approved ? `by ${f.approvedBy ?? 'a lead officer'}` : 'awaiting a lead officer',
        f.text,
      ]),
    ),
  );
}

export const feedbackCommands: Command[] = [
  {
    words: ['feedback', 'set'],
    usage: 'feedback set --round ID --bid REF --criterion CODE --text TEXT [--json]',
    summary:
      "Write a letter's feedback on one criterion of a bid; a lead officer's words are approved as " +
      "written, an officer's wait for `feedback approve` (an empty --text removes it)",
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      criterion: { type: 'string' },
      text: { type: 'string' },
    },
    async run(ctx) {
      const list = await ctx.call('feedback:set', {
        roundId: idOption(ctx, 'round'),
        bidRef: requiredOption(ctx, 'bid'),
        criterion: requiredOption(ctx, 'criterion'),
        text: typeof ctx.values.text === 'string' ? ctx.values.text : requiredOption(ctx, 'text'),
      });
      printList(ctx, list);
    },
  },
  {
    words: ['feedback', 'approve'],
    usage: 'feedback approve --round ID --bid REF [--json]',
    summary: "Approve every summary of a bid's feedback awaiting approval, so that its letter prints them",
    options: { round: { type: 'string' }, bid: { type: 'string' } },
    async run(ctx) {
      printList(
        ctx,
        await ctx.call('feedback:approve', {
          roundId: idOption(ctx, 'round'),
          bidRef: requiredOption(ctx, 'bid'),
        }),
      );
    },
  },
  {
    words: ['feedback', 'list'],
    usage: 'feedback list --round ID [--json]',
    summary: "The feedback written for a round's letters, and whether a lead officer approved it",
    options: { round: { type: 'string' } },
    async run(ctx) {
      printList(ctx, await ctx.call('feedback:list', { roundId: idOption(ctx, 'round') }));
    },
  },
];
