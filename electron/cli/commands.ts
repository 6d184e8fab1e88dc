import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Channel, Input, Output } from '../../shared/contract';
import { formatMoney, parseMoney } from '../../shared/money';
import { describeRound, textTable } from './output';

export class CliRefusal extends Error {
  constructor(
    message: string,
    /** Further lines for stderr, such as every bad row of an import. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  args: string[];
  json: boolean;
  call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
  print: (text: string) => void;
}

export interface Command {
  words: string[];
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (ctx: CommandContext) => Promise<void>;
}

export function requiredOption(ctx: CommandContext, name: string): string {
  const value = ctx.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliRefusal(`--${name} is required`);
  return value;
}

export function moneyOption(ctx: CommandContext, name: string, fallback?: number): number {
  const value = ctx.values[name];
  if (value === undefined && fallback !== undefined) return fallback;
  const text = requiredOption(ctx, name);
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new CliRefusal(`--${name}: ${parsed.reason}`);
  return parsed.pence;
}

export function idOption(ctx: CommandContext, name: string): number {
  const text = requiredOption(ctx, name);
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliRefusal(`--${name} must be an id (a whole number), not "${text}"`);
  return Number(text);
}

function readInputFile(file: string | undefined): { fileName: string; dataBase64: string } {
  if (!file) throw new CliRefusal('Name the file to import');
  try {
    return { fileName: path.basename(file), dataBase64: readFileSync(file).toString('base64') };
  } catch (error) {
    throw new CliRefusal(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function printJson(ctx: CommandContext, value: unknown) {
  ctx.print(JSON.stringify(value, null, 2));
}

export const commands: Command[] = [
  {
    words: ['rounds', 'create'],
    usage: 'rounds create --fund NAME --name NAME --budget MONEY [--committed MONEY [--committed-for TEXT]] [--year 2013-14] [--json]',
    summary: 'Create a funding round; money may be written 350000, £350,000 or £350k',
    options: {
      fund: { type: 'string' },
      name: { type: 'string' },
      budget: { type: 'string' },
      committed: { type: 'string' },
      'committed-for': { type: 'string' },
      year: { type: 'string' },
    },
    async run(ctx) {
      const committed = moneyOption(ctx, 'committed', 0);
      const purpose = ctx.values['committed-for'];
      const round = await ctx.call('rounds:create', {
        fund: requiredOption(ctx, 'fund'),
        name: requiredOption(ctx, 'name'),
        budgetPence: moneyOption(ctx, 'budget'),
        commitments: committed > 0 ? [{ description: typeof purpose === 'string' && purpose.trim() ? purpose : 'Commitments already made', amountPence: committed }] : [],
        financialYear: typeof ctx.values.year === 'string' ? ctx.values.year : null,
      });
      if (ctx.json) printJson(ctx, round);
      else ctx.print(describeRound(round));
    },
  },
  {
    words: ['rounds', 'list'],
    usage: 'rounds list [--archived] [--json]',
    summary: 'List funding rounds with budget, committed and available money',
    options: { archived: { type: 'boolean' } },
    async run(ctx) {
      const rounds = await ctx.call('rounds:list', { includeArchived: ctx.values.archived === true });
      if (ctx.json) return printJson(ctx, rounds);
      if (rounds.length === 0) return ctx.print('No rounds yet. Create one with: rounds create --fund NAME --name NAME --budget MONEY');
      ctx.print(
        textTable(
          ['ID', 'Fund', 'Round', 'Budget', 'Committed', 'Available', 'Bids', 'Requested'],
          rounds.map((r) => [
            String(r.id),
            r.fund,
            r.archived ? `${r.name} (archived)` : r.name,
            formatMoney(r.budgetPence),
            formatMoney(r.committedPence),
            formatMoney(r.availablePence),
            String(r.bidCount),
            formatMoney(r.requestedPence),
          ]),
          [0, 3, 4, 5, 6, 7],
        ),
      );
    },
  },
  {
    words: ['rounds', 'archive'],
    usage: 'rounds archive --round ID [--json]',
    summary: 'Archive a round: it leaves the lists but nothing is deleted',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const round = await ctx.call('rounds:archive', { id: idOption(ctx, 'round') });
      if (ctx.json) printJson(ctx, round);
      else ctx.print(describeRound(round));
    },
  },
  {
    words: ['demo'],
    usage: 'demo [--json]',
    summary: 'Load the demonstration data built from public papers (loading it twice changes nothing)',
    options: {},
    async run(ctx) {
      const result = await ctx.call('demo:load', {});
      if (ctx.json) return printJson(ctx, result);
      ctx.print(result.notice);
      for (const round of result.rounds) ctx.print(`  Round ${round.id}: ${round.fund} — ${round.name}${round.created ? '' : ' (already loaded)'}`);
    },
  },
  {
    words: ['import', 'bids'],
    usage: 'import bids FILE --round ID [--json]',
    summary: 'Import a bid schedule (.csv or .xlsx, one row per bid under a header row); all or nothing',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const file = readInputFile(ctx.args[0]);
      const result = await ctx.call('bids:import', { roundId: idOption(ctx, 'round'), ...file });
      if (ctx.json) return printJson(ctx, { imported: result.imported, requestedPence: result.requestedPence, reducedRequestedPence: result.reducedRequestedPence });
      ctx.print(
        `Imported ${result.imported} bids from ${result.partnerships} partnerships: ${formatMoney(result.requestedPence)} requested, ${formatMoney(result.reducedRequestedPence)} with every offered reduction.`,
      );
    },
  },
  {
    words: ['bids', 'list'],
    usage: 'bids list --round ID [--json]',
    summary: 'List a round\'s bids with the checks that failed',
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
          bids.map((b) => [b.ref, b.partnership, formatMoney(b.requestedPence), b.reducedPence === null ? '' : formatMoney(b.reducedPence), b.flags.map((f) => f.code).join(', ')]),
          [2, 3],
        ),
      );
    },
  },
];
