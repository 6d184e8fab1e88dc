import { MIN_JUSTIFICATION } from '../../shared/assessment';
import type { ParsedInput } from '../../shared/contract';
import type { Person } from '../../shared/people';
import { readScoringSheetXlsx, ScoringSheetError } from './exports/scoring-sheet';
import { currentActor } from './actor';
import type { HandlerContext } from './context';
import { mustGetFramework } from './frameworks';
import { Refusal } from './refusal';
import { mustGetOpenRound } from './round-lookup';
import { recordScores, type ScoreLine } from './scoring';
import { legacyOfficeMessage } from './imports/legacy-office';
import { scoreRowsFromCsv, type ScoreRow } from './imports/score-file';

// Scores imported from a CSV file or a completed scoring sheet: all or nothing, every bad row named.

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
      // Every row is checked before anything is written; problems are collected per row.
      const problems: string[] = [];
      type Group = { bidId: number; assessor: Person; lines: ScoreLine[]; rows: Map<number, number> };
      const groups = new Map<string, Group>();
      rows.forEach((line) => {
        const row = line.row;
        const cell = (name: keyof ScoreRow) => String(line[name] ?? '').trim();
        const say = (message: string) => problems.push(`Row ${row}: ${message}`);
        const bid = ctx.store.bids.findByRef(input.roundId, cell('bid'));
        if (!bid) return say(`there is no bid "${cell('bid')}" in this round`);
        const assessor = ctx.store.people.findByName(cell('assessor'));
        if (!assessor) return say(`there is no person called "${cell('assessor')}"`);
        if (copy && actor?.id !== assessor.id)
          return say(`this round is a copy from your office: only your own scores can be imported here`);
        if (actor && actor.role !== 'lead_officer' && actor.id !== assessor.id)
          return say(`only a lead officer can import ${assessor.name}'s scores`);
        const criterion = framework.criteria.find(
          (c) => c.code.toLowerCase() === cell('criterion').toLowerCase(),
        );
        if (!criterion)
          return say(
            `"${cell('criterion')}" is not a criterion of this round ` +
              `(${framework.criteria.map((c) => c.code).join(', ')})`,
          );
        if (!/^-?\d+$/.test(cell('score'))) return say(`the score "${cell('score')}" is not a whole number`);
        const score = Number(cell('score'));
        const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
        if (score < min || score > max)
          return say(`${criterion.code}: ${score} is off the scale (${min} to ${max})`);
        if (cell('justification').length < MIN_JUSTIFICATION)
          return say(
            `${criterion.code}: the justification is missing or shorter than ${MIN_JUSTIFICATION} characters`,
          );
        if (!ctx.store.scoring.isAssigned(bid.id, assessor.id))
          return say(`${assessor.name} is not assigned to ${bid.ref}`);
        const declaration = ctx.store.scoring.declaration(bid.id, assessor.id);
        if (!declaration) return say(`${assessor.name} has not declared interests in ${bid.ref}`);
        if (declaration.conflict) return say(`${assessor.name} has a conflict of interest in ${bid.ref}`);
        const key = `${bid.id}:${assessor.id}`;
        const group: Group = groups.get(key) ?? { bidId: bid.id, assessor, lines: [], rows: new Map() };
        if (group.rows.has(criterion.id))
          return say(
            `${bid.ref} ${criterion.code} for ${assessor.name} is already on row ${group.rows.get(criterion.id)}`,
          );
        group.rows.set(criterion.id, row);
        group.lines.push({ criterionId: criterion.id, score, justification: cell('justification') });
        groups.set(key, group);
      });
      // A row already refused would be reported again as a missing score; say each thing once.
      for (const group of problems.length > 0 ? [] : groups.values()) {
        const absent = framework.criteria.filter((c) => !group.rows.has(c.id)).map((c) => c.code);
        if (absent.length > 0)
          problems.push(
            `${ctx.store.bids.get(group.bidId)?.ref} for ${group.assessor.name}: no score for ${absent.join(', ')} ` +
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
      let imported = 0;
      for (const group of groups.values()) {
        recordScores(ctx, group.bidId, group.assessor, group.lines, true);
        imported += group.lines.length;
      }
      return { imported };
    });
  },
};
