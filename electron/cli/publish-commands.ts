import { formatDate } from '../../shared/dates';
import {
  CliRefusal,
  idOption,
  printJson,
  requiredOption,
  writeOutput,
  type Command,
  type CommandContext,
} from './command-kit';
import { textTable } from './output';

// The notice in the office's words and the office's own partnerships: what a lead officer sets
// down before the commissioner signs.

/** A text option as typed, or left out (undefined) so that the stored value stays. */
function optionalText(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name];
  return typeof value === 'string' ? value : undefined;
}

export const publishCommands: Command[] = [
  {
    words: ['notice', 'set'],
    usage:
      'notice set --round ID [--summary TEXT] [--background TEXT] [--board-name TEXT] ' +
      '[--board-date YYYY-MM-DD] [--json]',
    summary:
      "Write the notice's executive summary and background in the office's words and name the board " +
      'meeting that reviewed the shortlist (lead officers, before sign-off; an empty value clears it)',
    options: {
      round: { type: 'string' },
      summary: { type: 'string' },
      background: { type: 'string' },
      'board-name': { type: 'string' },
      'board-date': { type: 'string' },
    },
    async run(ctx) {
      const roundId = idOption(ctx, 'round');
      const fields = {
        summary: optionalText(ctx, 'summary'),
        background: optionalText(ctx, 'background'),
        boardName: optionalText(ctx, 'board-name'),
        boardDate: optionalText(ctx, 'board-date'),
      };
      if (Object.values(fields).every((v) => v === undefined))
        throw new CliRefusal('Give at least one of --summary, --background, --board-name or --board-date');
      const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const notice = await ctx.call('notices:set', { roundId, ...given });
      if (ctx.json)
        return printJson(ctx, {
          number: notice.number,
          executiveSummary: notice.executiveSummary,
          background: notice.background,
          boardName: notice.boardName,
          boardDate: notice.boardDate,
        });
      const board = notice.boardName ?? 'the board';
      ctx.print(
        `Decision ${notice.number}: executive summary ${notice.executiveSummary ? 'written' : 'from the figures'}, ` +
          `background ${notice.background ? 'written' : 'none'}, reviewed by ${board}` +
          `${notice.boardDate ? ` on ${formatDate(notice.boardDate)}` : ''}`,
      );
    },
  },
  {
    words: ['partnerships', 'add'],
    usage: 'partnerships add --name NAME [--area AREA] [--json]',
    summary:
      "Add one of the office's partnerships (lead officers); a notice names those that made no bid. " +
      'A partnership already known from an import becomes the office’s',
    options: { name: { type: 'string' }, area: { type: 'string' } },
    async run(ctx) {
      const area = optionalText(ctx, 'area');
      const added = await ctx.call('partnerships:add', {
        name: requiredOption(ctx, 'name'),
        ...(area !== undefined ? { area } : {}),
      });
      if (ctx.json) return printJson(ctx, added);
      ctx.print(`${added.name} is one of the office's partnerships`);
    },
  },
  {
    words: ['partnerships', 'list'],
    usage: 'partnerships list [--json]',
    summary: "Every partnership known: the office's own and those met in imports, with their bids",
    options: {},
    async run(ctx) {
      const list = await ctx.call('partnerships:list', {});
      if (ctx.json) return printJson(ctx, list);
      ctx.print(
        textTable(
          ['Partnership', 'Area', "Office's", 'Bids'],
          list.map((p) => [p.name, p.area ?? '', p.office ? 'yes' : 'no', String(p.bidCount)]),
          [3],
        ),
      );
    },
  },
  {
    words: ['publish', 'register'],
    usage: 'publish register --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv|FILE.xlsx [--json]',
    summary:
      'The register the Specified Information Order 2011 asks for: one row per award in the decisions ' +
      'signed in the period (decision number and date, recipient, amount, conditions, purpose, and why ' +
      'it will reduce crime and disorder)',
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const out = requiredOption(ctx, 'out');
      const format = /\.xlsx$/i.test(out) ? 'xlsx' : /\.csv$/i.test(out) ? 'csv' : null;
      if (!format) throw new CliRefusal(`--out must name a .csv or .xlsx file, not "${out}"`);
      writeOutput(
        ctx,
        await ctx.call('publish:register', {
          from: requiredOption(ctx, 'from'),
          to: requiredOption(ctx, 'to'),
          format,
        }),
      );
    },
  },
  {
    words: ['publish', '360giving'],
    usage: 'publish 360giving --round ID [--org-id ID] --out FILE.json',
    summary:
      "A round's signed awards as 360Giving JSON, with grant ids built from the office's org-id " +
      '(like GB-CHC-1234567; the one kept with office set --org-id unless --org-id gives another); ' +
      'partnerships, having no register number here, get 360G- ids',
    options: { round: { type: 'string' }, 'org-id': { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const out = requiredOption(ctx, 'out');
      if (!/\.json$/i.test(out)) throw new CliRefusal(`--out must name a .json file, not "${out}"`);
      writeOutput(
        ctx,
        await ctx.call('publish:threeSixtyGiving', {
          roundId: idOption(ctx, 'round'),
          ...(ctx.values['org-id'] === undefined ? {} : { orgId: String(ctx.values['org-id']) }),
        }),
      );
    },
  },
];
