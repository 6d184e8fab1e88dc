import { formatMoney } from '../../shared/money';
import { TASK_STATUS_LABELS } from '../../shared/task-statuses';
import { MOVABLE_STAGES, STAGE_LABELS, type MovableStage } from '../../shared/stages';
import { describeRound, textTable } from './output';
import {
  CliRefusal,
  idOption,
  moneyOption,
  printJson,
  requiredOption,
  writeOutput,
  type Command,
} from './command-kit';

// Rounds: setting one up, moving it through its stages, listing and archiving, where it stands,
// the fund report, and the demonstration data.

export const roundCommands: Command[] = [
  {
    words: ['rounds', 'create'],
    usage:
      'rounds create --fund NAME --name NAME --budget MONEY [--committed MONEY [--committed-for TEXT]] ' +
      '[--year 2013-14] [--json]',
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
        commitments:
          committed > 0
            ? [
                {
                  description:
                    typeof purpose === 'string' && purpose.trim() ? purpose : 'Commitments already made',
                  amountPence: committed,
                },
              ]
            : [],
        financialYear: typeof ctx.values.year === 'string' ? ctx.values.year : null,
      });
      if (ctx.json) printJson(ctx, round);
      else ctx.print(describeRound(round));
    },
  },
  {
    words: ['stage'],
    usage: 'stage --round ID --to setup|open|assessment|board|decision [--reason TEXT] [--json]',
    summary:
      'Move a round to its next stage (as a lead officer), or back to an earlier one with --reason ' +
      'before the decision is signed; signing moves it to signed',
    options: { round: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } },
    async run(ctx) {
      const to = requiredOption(ctx, 'to').trim().toLowerCase();
      if (!(MOVABLE_STAGES as readonly string[]).includes(to))
        throw new CliRefusal(`--to must be one of ${MOVABLE_STAGES.join(', ')}, not "${to}"`);
      const round = await ctx.call('rounds:setStage', {
        roundId: idOption(ctx, 'round'),
        to: to as MovableStage,
        reason: typeof ctx.values.reason === 'string' ? ctx.values.reason : undefined,
      });
      if (ctx.json) return printJson(ctx, { id: round.id, name: round.name, stage: round.stage });
      ctx.print(
        `Round ${round.id} "${round.name}" is now at the ${STAGE_LABELS[round.stage].toLowerCase()} stage.`,
      );
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
      if (rounds.length === 0)
        return ctx.print(
          'No rounds yet. Create one with: rounds create --fund NAME --name NAME --budget MONEY',
        );
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
      for (const round of result.rounds)
        ctx.print(
          `  Round ${round.id}: ${round.fund} — ${round.name}${round.created ? '' : ' (already loaded)'}`,
        );
    },
  },
  {
    words: ['progress'],
    usage: 'progress --round ID [--json]',
    summary:
      'Where the round stands: bids, framework, assessors, declarations, scoring, moderation, ' +
      'shortlist, board views, allocation and notice, each with its count',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const progress = await ctx.call('rounds:progress', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, progress);
      ctx.print(
        textTable(
          ['Task', 'Status', 'Count'],
          progress.tasks.map((t) => [t.label, TASK_STATUS_LABELS[t.status], t.count]),
        ),
      );
      if (progress.assessors.length > 0) {
        ctx.print('');
        ctx.print(
          textTable(
            ['Assessor', 'Submitted', 'To score', 'Conflicts'],
            progress.assessors.map((a) => [
              a.person,
              String(a.submitted),
              String(a.expected),
              String(a.conflicts),
            ]),
            [1, 2, 3],
          ),
        );
      }
    },
  },
  {
    words: ['report', 'fund'],
    usage: 'report fund --fund NAME [--out FILE.xlsx] [--json]',
    summary: 'Requested and allocated by round and area across every round of a fund',
    options: { fund: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const fund = requiredOption(ctx, 'fund');
      if (typeof ctx.values.out === 'string')
        return writeOutput(ctx, await ctx.call('reports:fundXlsx', { fund }));
      const report = await ctx.call('reports:fund', { fund });
      if (ctx.json) return printJson(ctx, report);
      ctx.print(
        textTable(
          ['Round', 'Area', 'Bids', 'Requested', 'Allocated'],
          report.rows.map((r) => [
            r.round,
            r.area,
            String(r.bids),
            formatMoney(r.requestedPence),
            formatMoney(r.allocatedPence),
          ]),
          [2, 3, 4],
        ),
      );
    },
  },
];
