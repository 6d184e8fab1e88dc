import type { ParseArgsConfig } from 'node:util';
import type { Channel, Input, Output } from '../../shared/contract';
import { formatMoney, parseMoney } from '../../shared/money';
import { describeRound, textTable } from './output';

export class CliRefusal extends Error {}

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
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliRefusal(`--${name} must be a round id (a whole number), not "${text}"`);
  return Number(text);
}

function printJson(ctx: CommandContext, value: unknown) {
  ctx.print(JSON.stringify(value, null, 2));
}

export const commands: Command[] = [
  {
    words: ['rounds', 'create'],
    usage: 'rounds create --fund NAME --name NAME --budget MONEY [--committed MONEY] [--json]',
    summary: 'Create a funding round; money may be written 350000, £350,000 or £350k',
    options: { fund: { type: 'string' }, name: { type: 'string' }, budget: { type: 'string' }, committed: { type: 'string' } },
    async run(ctx) {
      const round = await ctx.call('rounds:create', {
        fund: requiredOption(ctx, 'fund'),
        name: requiredOption(ctx, 'name'),
        budgetPence: moneyOption(ctx, 'budget'),
        committedPence: moneyOption(ctx, 'committed', 0),
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
          ['ID', 'Fund', 'Round', 'Budget', 'Committed', 'Available'],
          rounds.map((r) => [
            String(r.id),
            r.fund,
            r.archived ? `${r.name} (archived)` : r.name,
            formatMoney(r.budgetPence),
            formatMoney(r.committedPence),
            formatMoney(r.availablePence),
          ]),
          [0, 3, 4, 5],
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
];
