import { MIN_JUSTIFICATION } from '../../shared/assessment';
import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import type { AssignedSheet } from '../../db/queries/assessment';
import { readScoringSheetXlsx, ScoringSheetError } from './exports/scoring-sheet';
import { currentActor } from './actor';
import type { HandlerContext } from './context';
import { mustGetFramework } from './frameworks';
import { Refusal } from './refusal';
import { mustGetOpenRound } from './round-lookup';
import { legacyOfficeMessage } from './imports/legacy-office';
import { scoreRowsFromCsv, type ScoreRow } from './imports/score-file';

// Scores imported from a CSV file or a completed scoring sheet: all or nothing, every bad row named.

/** A cell as the checks read it: trimmed, and empty when absent. */
const text = (cell: string | undefined) => String(cell ?? '').trim();

async function rowsFromSheet(data: Buffer, roundId: number): Promise<ScoreRow[]> {
  let sheet;
  try {
    sheet = await readScoringSheetXlsx(data);
  } catch (error) {
    if (error instanceof ScoringSheetError) throw new Refusal('invalid_input', error.message);
    throw error;
  }
  if (sheet.roundId !== null && sheet.roundId !== roundId)
    throw new Refusal(
      'invalid_input',
      `This scoring sheet is for round ${sheet.roundId}, not round ${roundId}`,
    );
  const assessor = sheet.assessor ?? '';
  return sheet.rows.map((r) => ({
    row: r.row,
    bid: r.bid,
    assessor,
    criterion: r.criterion,
    score: r.score === null ? '' : String(r.score),
    justification: r.justification,
  }));
}

export const scoreImportHandlers = {
  // long-function: one transaction from the first check to the last write, so all of it happens or none does
  'assessment:importScores': async (input: ParsedInput<'assessment:importScores'>, ctx: HandlerContext) => {
    const actor = currentActor(ctx);
    const data = Buffer.from(input.dataBase64, 'base64');
    const legacy = legacyOfficeMessage(input.fileName, data, 'workbook');
    if (legacy) throw new Refusal('invalid_input', legacy);
    const rows = /\.xlsx$/i.test(input.fileName)
      ? await rowsFromSheet(data, input.roundId)
      : scoreRowsFromCsv(data);
    return ctx.store.transaction(() => {
      mustGetOpenRound(ctx, input.roundId);
      const framework = mustGetFramework(ctx, input.roundId);
      // On a round copy received in a pack, even a lead officer imports only their own scores.
      const copy = ctx.store.packs.isCopy(input.roundId);
      // The round is read once, into maps: every row is then checked without a query of its own.
      // Only the columns the checks need: a 20,000-bid round's bids, names and cost lines stay unread.
      const bidsByRef = new Map(ctx.store.bids.refsAndIds(input.roundId).map((b) => [b.ref, b]));
      const criteria = new Map(framework.criteria.map((c) => [c.code.toLowerCase(), c]));
      // The people the file names, each looked up once, and then only their sheets in this round.
      const people = new Map<string, Person | undefined>();
      for (const line of rows) {
        const name = text(line.assessor);
        if (!people.has(name)) people.set(name, ctx.store.people.findByName(name));
      }
      const named = [...people.values()].filter((p): p is Person => p !== undefined);
      const sheets = new Map(named.map((p) => [p.id, new Map<number, AssignedSheet>()]));
      for (const sheet of ctx.store.scoring.sheetsOf(
        input.roundId,
        named.map((p) => p.id),
      ))
        sheets.get(sheet.personId)?.set(sheet.bidId, sheet);
      // Every row is checked before anything is written; problems are collected per row.
      const problems: string[] = [];
      type Group = {
        ref: string;
        bidId: number;
        assessor: Person;
        sheet: AssignedSheet;
        rows: Map<number, number>;
      };
      const groups = new Map<number, Map<number, Group>>();
      const allGroups: Group[] = []; // in the order the file first names each sheet
      const lines: {
        bidId: number;
        personId: number;
        criterionId: number;
        score: number;
        justification: string;
      }[] = [];
      const scale = (gateway: boolean): [number, number] =>
        gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
      for (const line of rows) {
        const problem = rowProblem(line);
        if (problem) problems.push(`Row ${line.row}: ${problem}`);
      }
      function rowProblem(line: ScoreRow): string | null {
        const ref = text(line.bid);
        const bid = bidsByRef.get(ref);
        if (!bid) return `there is no bid "${ref}" in this round`;
        const name = text(line.assessor);
        const assessor = people.get(name);
        if (!assessor) return `there is no person called "${name}"`;
        if (copy && actor?.id !== assessor.id)
          return `this round is a copy from your office: only your own scores can be imported here`;
        if (actor && actor.role !== 'lead_officer' && actor.id !== assessor.id)
          return `only a lead officer can import ${assessor.name}'s scores`;
        const code = text(line.criterion);
        const criterion = criteria.get(code.toLowerCase());
        if (!criterion)
          return (
            `"${code}" is not a criterion of this round ` +
            `(${framework.criteria.map((c) => c.code).join(', ')})`
          );
        const given = text(line.score);
        if (!/^-?\d+$/.test(given)) return `the score "${given}" is not a whole number`;
        const score = Number(given);
        const [min, max] = scale(criterion.gateway);
        if (score < min || score > max)
          return `${criterion.code}: ${score} is off the scale (${min} to ${max})`;
        const justification = text(line.justification);
        if (justification.length < MIN_JUSTIFICATION)
          return `${criterion.code}: the justification is missing or shorter than ${MIN_JUSTIFICATION} characters`;
        const sheet = sheets.get(assessor.id)?.get(bid.id);
        if (!sheet) return `${assessor.name} is not assigned to ${bid.ref}`;
        if (!sheet.declared) return `${assessor.name} has not declared interests in ${bid.ref}`;
        if (sheet.conflict) return `${assessor.name} has a conflict of interest in ${bid.ref}`;
        let byBid = groups.get(assessor.id);
        if (!byBid) groups.set(assessor.id, (byBid = new Map()));
        let group = byBid.get(bid.id);
        if (!group) {
          byBid.set(bid.id, (group = { ref: bid.ref, bidId: bid.id, assessor, sheet, rows: new Map() }));
          allGroups.push(group);
        }
        const earlier = group.rows.get(criterion.id);
        if (earlier !== undefined)
          return `${bid.ref} ${criterion.code} for ${assessor.name} is already on row ${earlier}`;
        group.rows.set(criterion.id, line.row);
        lines.push({ bidId: bid.id, personId: assessor.id, criterionId: criterion.id, score, justification });
        return null;
      }
      // A row already refused would be reported again as a missing score; say each thing once.
      for (const group of problems.length > 0 ? [] : allGroups) {
        const absent = framework.criteria.filter((c) => !group.rows.has(c.id)).map((c) => c.code);
        if (absent.length > 0)
          problems.push(
            `${group.ref} for ${group.assessor.name}: no score for ${absent.join(', ')} ` +
              '(every criterion is needed, as imported scores count as submitted)',
          );
      }
      if (rows.length === 0) problems.push('The file has no scores in it');
      if (problems.length > 0) {
        throw new Refusal(
          'invalid_input',
          `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${input.fileName}`,
          problems.map((message) => ({ path: '', message })),
        );
      }
      // A submitted sheet is final until a lead officer reopens it (as when scoring by hand).
      for (const group of allGroups) {
        const done = group.sheet.submittedAt;
        if (done !== null)
          throw new Refusal(
            'conflict',
            `${group.assessor.name} submitted their scores for ${group.ref} on ${formatDate(done)}: ` +
              'a submitted sheet is final unless a lead officer reopens it, with a reason',
          );
      }
      ctx.store.scoring.saveSubmittedScores(lines, ctx.now());
      const imported = lines.length;
      return { imported };
    });
  },
};
