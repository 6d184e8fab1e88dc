import { formatMoney } from '../../shared/money';
import { textTable } from './output';
import { idOption, printJson, readInputFile, type Command } from './command-kit';

// Bids: importing a schedule and listing a round's bids.

export const bidCommands: Command[] = [
  {
    words: ['import', 'bids'],
    usage: 'import bids FILE --round ID [--json]',
    summary: 'Import a bid schedule (.csv or .xlsx, one row per bid under a header row); all or nothing',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const file = readInputFile(ctx.args[0]);
      const result = await ctx.call('bids:import', { roundId: idOption(ctx, 'round'), ...file });
      if (ctx.json)
        return printJson(ctx, {
          imported: result.imported,
          requestedPence: result.requestedPence,
          reducedRequestedPence: result.reducedRequestedPence,
          warnings: result.warnings,
        });
      ctx.print(
        `Imported ${result.imported} bids from ${result.partnerships} partnerships: ` +
          `${formatMoney(result.requestedPence)} requested, ${formatMoney(result.reducedRequestedPence)} ` +
          `with every offered reduction.`,
      );
      for (const warning of result.warnings) ctx.print(`Warning: ${warning}`);
    },
  },
  {
    words: ['bids', 'list'],
    usage: 'bids list --round ID [--json]',
    summary: "List a round's bids with the checks that failed",
    options: { round: { type: 'string' } },
    async run(ctx) {
      const bids = await ctx.call('bids:list', { roundId: idOption(ctx, 'round') });
      if (ctx.json) {
        return printJson(
          ctx,
          bids.map((b) => ({
            ref: b.ref,
            partnership: b.partnership,
            title: b.title,
            requestedPence: b.requestedPence,
            reducedPence: b.reducedPence,
            flags: b.flags.map((f) => ({ code: f.code, message: f.message })),
          })),
        );
      }
      ctx.print(
        textTable(
          ['Ref', 'Partnership', 'Requested', 'Reduced', 'Checks'],
          bids.map((b) => [
            b.ref,
            b.partnership,
            formatMoney(b.requestedPence),
            b.reducedPence === null ? '' : formatMoney(b.reducedPence),
            b.flags.map((f) => f.code).join(', '),
          ]),
          [2, 3],
        ),
      );
    },
  },
];
