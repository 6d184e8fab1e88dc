import { safeFileName } from '../../shared/file-names';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Connection } from '../../db/connection';
import type { Channel, Input, Output } from '../../shared/contract';
import { TEMPLATE_KEYS, type TemplateKey } from '../../shared/frameworks';
import { formatMoney, parseMoney } from '../../shared/money';
import { TASK_STATUS_LABELS } from '../../shared/progress';
import { MOVABLE_STAGES, STAGE_LABELS, type MovableStage } from '../../shared/stages';
import type { HandlerContext } from '../handlers/context';
import type { Passphrases } from './identity';
import { identityCommands } from './identity-commands';
import { describeRound, textTable } from './output';
import { CliRefusal } from './refusal';

export { CliRefusal };

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  args: string[];
  json: boolean;
  call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
  print: (text: string) => void;
  /** The database file named by --db or the default, for commands that work on the file itself. */
  databaseFile: string;
  /** The open database (opened on first use), for commands that read or copy it whole. */
  connection: () => Connection;
  /** Passphrases from the environment or the terminal. */
  secrets: Passphrases;
  /** The database itself, for checks that are not operations (`actor: false`: as nobody). */
  database: (options?: { actor: boolean }) => Promise<HandlerContext>;
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
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new CliRefusal(`--${name} must be an id (a whole number), not "${text}"`);
  return Number(text);
}

function readInputFile(file: string | undefined): { fileName: string; dataBase64: string } {
  if (!file) throw new CliRefusal('Name the file to import');
  try {
    return { fileName: path.basename(file), dataBase64: readFileSync(file).toString('base64') };
  } catch (error) {
    throw new CliRefusal(
      `Cannot read ${file}: ` +
        `${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

export function printJson(ctx: CommandContext, value: unknown) {
  ctx.print(JSON.stringify(value, null, 2));
}

export const commands: Command[] = [
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
    usage: 'stage --round ID --to setup|open|assessment|board|decision [--json]',
    summary:
      'Move a round to its next stage, one step at a time (as a lead officer); signing moves it to signed',
    options: { round: { type: 'string' }, to: { type: 'string' } },
    async run(ctx) {
      const to = requiredOption(ctx, 'to').trim().toLowerCase();
      if (!(MOVABLE_STAGES as readonly string[]).includes(to))
        throw new CliRefusal(`--to must be one of ${MOVABLE_STAGES.join(', ')}, not "${to}"`);
      const round = await ctx.call('rounds:setStage', {
        roundId: idOption(ctx, 'round'),
        to: to as MovableStage,
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
        });
      ctx.print(
        `Imported ${result.imported} bids from ${result.partnerships} partnerships: ` +
          `${formatMoney(result.requestedPence)} requested, ${formatMoney(result.reducedRequestedPence)} ` +
          `with every offered reduction.`,
      );
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
  ...identityCommands,
  {
    words: ['framework', 'use'],
    usage: 'framework use --round ID --template invest-to-save|safer-streets [--confirm]',
    summary:
      "Start a round's scoring framework from a template (replacing it; --confirm once scoring has begun)",
    options: { round: { type: 'string' }, template: { type: 'string' }, confirm: { type: 'boolean' } },
    async run(ctx) {
      const template = requiredOption(ctx, 'template');
      if (!TEMPLATE_KEYS.includes(template as TemplateKey))
        throw new CliRefusal(`--template must be ${TEMPLATE_KEYS.join(' or ')}, not "${template}"`);
      const framework = await ctx.call('frameworks:use', {
        roundId: idOption(ctx, 'round'),
        template: template as TemplateKey,
        confirmChangeAfterScoring: ctx.values.confirm === true,
      });
      if (ctx.json) return printJson(ctx, frameworkJson(framework));
      ctx.print(
        `Round ${framework.roundId} now scores with the ${template} template: ` +
          `${framework.criteria.map((c) => `${c.code} ${c.weight}%`).join(', ')}`,
      );
    },
  },
  {
    words: ['framework', 'show'],
    usage: 'framework show --round ID [--json]',
    summary: "Show a round's scale, criteria, weights, minimums, gateways and threshold",
    options: { round: { type: 'string' } },
    async run(ctx) {
      const framework = await ctx.call('frameworks:get', { roundId: idOption(ctx, 'round') });
      if (!framework)
        throw new CliRefusal(
          'This round has no scoring framework yet: framework use --round ID --template NAME',
        );
      if (ctx.json) return printJson(ctx, frameworkJson(framework));
      ctx.print(
        `Scale ${framework.scale.min} to ${framework.scale.max}; threshold ${framework.threshold ?? 'none'}`,
      );
      ctx.print(
        textTable(
          ['Code', 'Criterion', 'Weight', 'Minimum', 'Gateway'],
          framework.criteria.map((c) => [
            c.code,
            c.name,
            `${c.weight}%`,
            c.minScore === null ? '' : String(c.minScore),
            c.gateway ? 'pass/fail' : '',
          ]),
        ),
      );
    },
  },
  {
    words: ['assign'],
    usage: 'assign --round ID --assessor NAME (--bid REF ... | --all)',
    summary: 'Assign an assessor to bids (as a lead officer)',
    options: {
      round: { type: 'string' },
      assessor: { type: 'string' },
      bid: { type: 'string', multiple: true },
      all: { type: 'boolean' },
    },
    async run(ctx) {
      const result = await ctx.call('assessment:assign', {
        roundId: idOption(ctx, 'round'),
        assessor: requiredOption(ctx, 'assessor'),
        bidRefs: bidRefs(ctx),
        all: ctx.values.all === true,
      });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(
        `Assigned ${requiredOption(ctx, 'assessor')} to ${result.changed} bid${result.changed === 1 ? '' : 's'}.`,
      );
      for (const warning of result.warnings) ctx.print(`Warning: ${warning}`);
    },
  },
  {
    words: ['declare'],
    usage:
      'declare --round ID --assessor NAME (--bid REF ... | --all) (--none [--reason TEXT] | --conflict TEXT)',
    summary:
      "Record an assessor's declaration of interests before scoring (--all: every bid assigned to them)",
    options: {
      round: { type: 'string' },
      assessor: { type: 'string' },
      bid: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      none: { type: 'boolean' },
      conflict: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const conflict = ctx.values.conflict;
      if ((ctx.values.none === true) === (typeof conflict === 'string'))
        throw new CliRefusal('Give exactly one of --none or --conflict TEXT');
      const result = await ctx.call('assessment:declare', {
        roundId: idOption(ctx, 'round'),
        assessor: requiredOption(ctx, 'assessor'),
        bidRefs: bidRefs(ctx),
        all: ctx.values.all === true,
        conflict: typeof conflict === 'string',
        ...(typeof conflict === 'string' ? { nature: conflict } : {}),
        ...(typeof ctx.values.reason === 'string' ? { reason: ctx.values.reason } : {}),
      });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(`Recorded ${result.declared} declaration${result.declared === 1 ? '' : 's'}.`);
    },
  },
  {
    words: ['import', 'scores'],
    usage: 'import scores FILE --round ID [--json]',
    summary:
      'Import submitted scores from CSV (bid,assessor,criterion,score,justification) or a completed ' +
      'scoring sheet (.xlsx); all or nothing',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const file = readInputFile(ctx.args[0]);
      const result = await ctx.call('assessment:importScores', { roundId: idOption(ctx, 'round'), ...file });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(`Imported ${result.imported} scores.`);
    },
  },
  {
    words: ['reopen'],
    usage: 'reopen --round ID --bid REF --assessor NAME --reason TEXT [--json]',
    summary: "Reopen an assessor's submitted scores for a bid so they can change them (as a lead officer)",
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      assessor: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const ref = requiredOption(ctx, 'bid');
      const bids = await ctx.call('bids:list', { roundId: idOption(ctx, 'round') });
      const bid = bids.find((b) => b.ref.toLowerCase() === ref.toLowerCase());
      if (!bid) throw new CliRefusal(`There is no bid ${ref} in this round`);
      const sheet = await ctx.call('assessment:reopen', {
        bidId: bid.id,
        assessor: requiredOption(ctx, 'assessor'),
        reason: requiredOption(ctx, 'reason'),
      });
      if (ctx.json)
        return printJson(ctx, { ref: sheet.ref, assessor: sheet.assessor.name, submittedAt: null });
      ctx.print(`${sheet.assessor.name}'s scores for ${sheet.ref} are open again.`);
    },
  },
  {
    words: ['moderate'],
    usage: 'moderate --round ID --bid REF --criterion CODE --score N --reason TEXT',
    summary: "Record a moderated score, which stands in place of the assessors' mean (as a lead officer)",
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      criterion: { type: 'string' },
      score: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const text = requiredOption(ctx, 'score');
      if (!/^-?\d+$/.test(text)) throw new CliRefusal(`--score must be a whole number, not "${text}"`);
      const ranked = await ctx.call('assessment:moderate', {
        roundId: idOption(ctx, 'round'),
        bidRef: requiredOption(ctx, 'bid'),
        criterion: requiredOption(ctx, 'criterion'),
        score: Number(text),
        reason: requiredOption(ctx, 'reason'),
      });
      const bid = ranked.find((r) => r.ref.toLowerCase() === requiredOption(ctx, 'bid').toLowerCase());
      if (ctx.json) return printJson(ctx, bid ? rankJson(bid) : null);
      ctx.print(
        bid ? `${bid.ref} now scores ${bid.weightedScore ?? '—'} and ranks ${bid.rank}.` : 'Moderated.',
      );
    },
  },
  {
    words: ['scores', 'sheet'],
    usage: 'scores sheet --round ID [--assessor NAME] --out FILE.xlsx',
    summary:
      'Write an offline scoring sheet (Excel) for an assessor; fill it in and bring it back with import scores',
    options: { round: { type: 'string' }, assessor: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      requiredOption(ctx, 'out');
      const assessor = ctx.values.assessor;
      writeOutput(
        ctx,
        await ctx.call('assessment:exportSheet', {
          roundId: idOption(ctx, 'round'),
          ...(typeof assessor === 'string' ? { assessor } : {}),
        }),
      );
    },
  },
  {
    words: ['panel-pack'],
    usage: 'panel-pack --round ID --format xlsx|pdf --out FILE',
    summary: 'Write the panel pack: every score and justification, moderations, declarations and the ranking',
    options: { round: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const format = requiredOption(ctx, 'format');
      if (format !== 'xlsx' && format !== 'pdf')
        throw new CliRefusal(`--format must be xlsx or pdf, not "${format}"`);
      requiredOption(ctx, 'out');
      writeOutput(ctx, await ctx.call('assessment:panelPack', { roundId: idOption(ctx, 'round'), format }));
    },
  },
  {
    words: ['allocate'],
    usage:
      'allocate --round ID --bid REF (--amount MONEY | --full | --reduced | --none) [--conditions TEXT] ' +
      '[--reason TEXT] [--json]',
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
  {
    words: ['notice'],
    usage: 'notice --round ID --format docx|pdf --out FILE [--public]',
    summary: 'Write the Notice of Decision (or, with --public, the public summary of a confidential one)',
    options: {
      round: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      public: { type: 'boolean' },
    },
    async run(ctx) {
      const format = requiredOption(ctx, 'format');
      if (format !== 'docx' && format !== 'pdf')
        throw new CliRefusal(`--format must be docx or pdf, not "${format}"`);
      requiredOption(ctx, 'out');
      const roundId = idOption(ctx, 'round');
      // Exporting only reads: where nothing is drafted yet, drafting is its own write, which the
      // rule book allows only a lead officer at the decision stage.
      if (!(await ctx.call('notices:get', { roundId }))) await ctx.call('notices:create', { roundId });
      writeOutput(
        ctx,
        await ctx.call('notices:export', {
          roundId,
          format,
          public: ctx.values.public === true,
        }),
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
    words: ['readiness'],
    usage: 'readiness --round ID [--json]',
    summary:
      'What stands before sending the notice for sign-off or signing it: what blocks, and the ' +
      'warnings that need a reason (--reason on `sign`)',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const readiness = await ctx.call('notices:readiness', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, readiness);
      if (readiness.items.length === 0) return ctx.print('Nothing stands in the way.');
      const words = { blocking: 'Blocks', warning: 'Needs a reason', noted: 'Noted' } as const;
      for (const item of readiness.items) ctx.print(`${words[item.level]}: ${item.message}`);
    },
  },
  {
    words: ['sign'],
    usage: '--as NAME sign --round ID [--interests TEXT] [--date YYYY-MM-DD] [--reason TEXT]',
    summary:
      "Sign the round's Notice of Decision (commissioner only); it then locks the allocation and the " +
      'notice. --reason says why it goes ahead despite the readiness warnings (see `readiness`)',
    options: {
      round: { type: 'string' },
      interests: { type: 'string' },
      date: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const interests = ctx.values.interests;
      const date = ctx.values.date;
      const reason = ctx.values.reason;
      const notice = await ctx.call('notices:sign', {
        roundId: idOption(ctx, 'round'),
        ...(typeof interests === 'string' ? { interests } : {}),
        ...(typeof date === 'string' ? { date } : {}),
        ...(typeof reason === 'string' ? { readinessReason: reason } : {}),
      });
      if (ctx.json)
        return printJson(ctx, {
          number: notice.number,
          signedBy: notice.signedBy,
          signedOn: notice.signedOn,
          fingerprint: notice.fingerprint,
        });
      ctx.print(
        `Decision ${notice.number} signed by ${notice.signedBy} on ${notice.signedOn}. Fingerprint ` +
          `${notice.fingerprint}`,
      );
    },
  },
  {
    words: ['letters'],
    usage: 'letters --round ID --format docx|pdf --out DIR',
    summary: 'Write an award or decline letter for every bidder into DIR',
    options: { round: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const format = requiredOption(ctx, 'format');
      if (format !== 'docx' && format !== 'pdf')
        throw new CliRefusal(`--format must be docx or pdf, not "${format}"`);
      const dir = requiredOption(ctx, 'out');
      const files = await ctx.call('letters:export', { roundId: idOption(ctx, 'round'), format });
      try {
        mkdirSync(dir, { recursive: true });
        for (const f of files)
          writeFileSync(fileInside(dir, f.fileName), Buffer.from(f.dataBase64, 'base64'));
      } catch (error) {
        throw new CliRefusal(`Cannot write to ${dir}: ${(error as Error).message}`);
      }
      if (ctx.json)
        return printJson(
          ctx,
          files.map((f) => ({ file: fileInside(dir, f.fileName), summary: f.summary })),
        );
      for (const f of files) ctx.print(`${fileInside(dir, f.fileName)}: ${f.summary}`);
    },
  },
  {
    words: ['rank'],
    usage: 'rank --round ID [--json]',
    summary: 'The ranking: weighted scores 0–100, gateway and threshold failures ranked last',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const ranked = await ctx.call('assessment:ranking', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, ranked.map(rankJson));
      ctx.print(
        textTable(
          ['Rank', 'Ref', 'Score', 'Assessors', 'Marked'],
          ranked.map((r) => [
            r.complete ? String(r.rank) : '',
            r.ref,
            r.weightedScore === null
              ? `not yet scored (${r.assessorCount} of ${r.assessorsExpected} assessors)`
              : r.weightedScore.toFixed(2),
            String(r.assessorCount),
            [
              r.moderationOpen && 'moderation open',
              r.failedGateway && 'failed gateway',
              r.belowMinimum && 'below a minimum',
              r.belowThreshold && 'below threshold',
            ]
              .filter(Boolean)
              .join(', '),
          ]),
          [0, 2, 3],
        ),
      );
    },
  },
];

/** A file the app names, always directly inside the folder asked for, whatever the name holds. */
function fileInside(dir: string, name: string): string {
  return path.join(dir, safeFileName(path.basename(name)));
}

function writeOutput(ctx: CommandContext, file: { fileName: string; dataBase64: string }) {
  const out = requiredOption(ctx, 'out');
  try {
    writeFileSync(out, Buffer.from(file.dataBase64, 'base64'));
  } catch (error) {
    throw new CliRefusal(`Cannot write ${out}: ${(error as Error).message}`);
  }
  if (ctx.json) printJson(ctx, { file: out });
  else ctx.print(`Wrote ${out}`);
}

function bidRefs(ctx: CommandContext): string[] | undefined {
  const value = ctx.values.bid as unknown;
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : undefined;
}

function frameworkJson(framework: Output<'frameworks:get'> & object) {
  return {
    scale: { min: framework.scale.min, max: framework.scale.max, descriptors: framework.scale.descriptors },
    criteria: framework.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      weight: c.weight,
      minScore: c.minScore,
      gateway: c.gateway,
    })),
    threshold: framework.threshold,
  };
}

function allocationJson(a: Output<'allocation:get'>) {
  return {
    availablePence: a.availablePence,
    allocatedPence: a.allocatedPence,
    remainingPence: a.remainingPence,
    items: a.items.map((i) => ({ ref: i.ref, amountPence: i.amountPence, option: i.option })),
  };
}

function rankJson(r: Output<'assessment:ranking'>[number]) {
  return {
    rank: r.rank,
    ref: r.ref,
    weightedScore: r.weightedScore,
    assessorCount: r.assessorCount,
    failedGateway: r.failedGateway,
    belowThreshold: r.belowThreshold,
    belowMinimum: r.belowMinimum,
    complete: r.complete,
    moderationOpen: r.moderationOpen,
  };
}
