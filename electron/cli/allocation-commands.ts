import type { Output } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { textTable } from './output';
import { CliRefusal, idOption, moneyOption, printJson, requiredOption, type Command } from './command-kit';

// Allocation: what each bid gets, and the suggestion.

export const allocationCommands: Command[] = [
  {
    words: ['allocate'],
    usage:
      'allocate --round ID --bid REF (--amount MONEY | --full | --reduced | --none) [--conditions TEXT] ' +
      '[--reason TEXT] [--crime-reduction TEXT] [--json]',
    summary:
      'Set what a bid gets; refused above the money available or above the request, and without ' +
      '--reason when it departs from the ranking (out of rank order, below the threshold or a minimum)',
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      amount: { type: 'string' },
      full: { type: 'boolean' },
      reduced: { type: 'boolean' },
      none: { type: 'boolean' },
      conditions: { type: 'string' },
      reason: { type: 'string' },
      'crime-reduction': { type: 'string' },
    },
    async run(ctx) {
      const chosen = ['amount', 'full', 'reduced', 'none'].filter(
        (k) => ctx.values[k] !== undefined && ctx.values[k] !== false,
      );
      if (chosen.length !== 1)
        throw new CliRefusal('Give exactly one of --amount MONEY, --full, --reduced or --none');
      const option = chosen[0] === 'amount' ? 'custom' : (chosen[0] as 'full' | 'reduced' | 'none');
      const { conditions, reason } = ctx.values;
      const allocation = await ctx.call('allocation:set', {
        roundId: idOption(ctx, 'round'),
        bidRef: requiredOption(ctx, 'bid'),
        option,
        ...(option === 'custom' ? { amountPence: moneyOption(ctx, 'amount') } : {}),
        ...(typeof conditions === 'string' ? { conditions } : {}),
        ...(typeof reason === 'string' ? { reason } : {}),
        ...(typeof ctx.values['crime-reduction'] === 'string'
          ? { crimeReduction: ctx.values['crime-reduction'] }
          : {}),
      });
      if (ctx.json) return printJson(ctx, allocationJson(allocation));
      ctx.print(
        `Allocated ${formatMoney(allocation.allocatedPence)} of ` +
          `${formatMoney(allocation.availablePence)}; ${formatMoney(allocation.remainingPence)} remains.`,
      );
    },
  },
  {
    words: ['allocation'],
    usage: 'allocation --round ID [--json]',
    summary: "The round's allocation: available, allocated, remaining and each funded bid",
    options: { round: { type: 'string' } },
    async run(ctx) {
      const allocation = await ctx.call('allocation:get', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, allocationJson(allocation));
      ctx.print(
        textTable(
          ['Ref', 'Option', 'Amount'],
          allocation.items.map((i) => [i.ref, i.option, formatMoney(i.amountPence)]),
          [2],
        ),
      );
      ctx.print(
        `Available ${formatMoney(allocation.availablePence)} · allocated ` +
          `${formatMoney(allocation.allocatedPence)} · remaining ` +
          `${formatMoney(allocation.remainingPence)}`,
      );
    },
  },
  {
    words: ['suggest'],
    usage: 'suggest --round ID [--method rank|value] [--apply [--reason TEXT]] [--json]',
    summary:
      'Suggest an allocation: by default in rank order (full, else reduced, else nothing, then raise ' +
      'reduced awards where money remains); --method value for the most score per pound; --apply adopts it',
    options: {
      round: { type: 'string' },
      apply: { type: 'boolean' },
      method: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const method = ctx.values.method ?? 'rank';
      if (method !== 'rank' && method !== 'value')
        throw new CliRefusal(`--method must be rank or value, not "${String(method)}"`);
      const reason = ctx.values.reason;
      const result = await ctx.call('allocation:suggest', {
        roundId: idOption(ctx, 'round'),
        apply: ctx.values.apply === true,
        method,
        ...(typeof reason === 'string' ? { reason } : {}),
      });
      if (ctx.json)
        return printJson(ctx, {
          method: result.method,
          allocatedPence: result.allocatedPence,
          items: result.items,
          excluded: result.excluded,
        });
      ctx.print(result.explanation);
      ctx.print(
        textTable(
          ['Ref', 'Option', 'Amount'],
          result.items.map((i) => [i.ref, i.option, formatMoney(i.amountPence)]),
          [2],
        ),
      );
      ctx.print(
        `Suggested ${formatMoney(result.allocatedPence)}` +
          `${result.applied ? " (adopted as the round's allocation)" : ''}.`,
      );
      for (const e of result.excluded) ctx.print(`Left out ${e.ref}: ${e.reason}`);
    },
  },
];

function allocationJson(a: Output<'allocation:get'>) {
  return {
    availablePence: a.availablePence,
    allocatedPence: a.allocatedPence,
    remainingPence: a.remainingPence,
    items: a.items.map((i) => ({ ref: i.ref, amountPence: i.amountPence, option: i.option })),
  };
}
