import { MIN_JUSTIFICATION } from '../../shared/assessment';
import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import { readScoringSheetXlsx, ScoringSheetError } from './exports/scoring-sheet';
import { currentActor } from './actor';
import type { HandlerContext } from './context';
import { mustGetFramework } from './frameworks';
import { Refusal } from './refusal';
import { mustGetOpenRound } from './round-lookup';
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
      const pair = (bidId: number, personId: number) => `${bidId}:${personId}`;
      const pairs = ctx.store.scoring.assessmentPairs(input.roundId);
      const assigned = new Set(pairs.assigned.map((a) => pair(a.bidId, a.personId)));
      const declared = new Map(pairs.declared.map((d) => [pair(d.bidId, d.personId), d]));
      const submitted = new Map(
        ctx.store.scoring.submissionsForRound(input.roundId).map((s) => [pair(s.bidId, s.personId), s]),
      );
      const criteria = new Map(framework.criteria.map((c) => [c.code.toLowerCase(), c]));
      const people = new Map<string, Person | undefined>();
      const personNamed = (name: string) => {
        if (!people.has(name)) people.set(name, ctx.store.people.findByName(name));
        return people.get(name);
      };
      // Every row is checked before anything is written; problems are collected per row.
      const problems: string[] = [];
      type Group = { ref: string; bidId: number; assessor: Person; rows: Map<number, number> };
      const groups = new Map<string, Group>();
      const lines: {
        bidId: number;
        personId: number;
        criterionId: number;
        score: number;
        justification: string;
      }[] = [];
      for (const line of rows) {
        const row = line.row;
        const cell = (name: keyof ScoreRow) => String(line[name] ?? '').trim();
        const say = (message: string) => problems.push(`Row ${row}: ${message}`);
        const bid = bidsByRef.get(cell('bid'));
        if (!bid) {
          say(`there is no bid "${cell('bid')}" in this round`);
          continue;
        }
        const assessor = personNamed(cell('assessor'));
        const problem = (() => {
          if (!assessor) return `there is no person called "${cell('assessor')}"`;
          if (copy && actor?.id !== assessor.id)
            return `this round is a copy from your office: only your own scores can be imported here`;
          if (actor && actor.role !== 'lead_officer' && actor.id !== assessor.id)
            return `only a lead officer can import ${assessor.name}'s scores`;
          return null;
        })();
        if (problem || !assessor) {
          say(problem ?? '');
          continue;
        }
        const criterion = criteria.get(cell('criterion').toLowerCase());
        if (!criterion) {
          say(
            `"${cell('criterion')}" is not a criterion of this round ` +
              `(${framework.criteria.map((c) => c.code).join(', ')})`,
          );
          continue;
        }
        if (!/^-?\d+$/.test(cell('score'))) {
          say(`the score "${cell('score')}" is not a whole number`);
          continue;
        }
        const score = Number(cell('score'));
        const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
        if (score < min || score > max) {
          say(`${criterion.code}: ${score} is off the scale (${min} to ${max})`);
          continue;
        }
        if (cell('justification').length < MIN_JUSTIFICATION) {
          say(
            `${criterion.code}: the justification is missing or shorter than ${MIN_JUSTIFICATION} characters`,
          );
          continue;
        }
        const key = pair(bid.id, assessor.id);
        if (!assigned.has(key)) {
          say(`${assessor.name} is not assigned to ${bid.ref}`);
          continue;
        }
        const declaration = declared.get(key);
        if (!declaration) {
          say(`${assessor.name} has not declared interests in ${bid.ref}`);
          continue;
        }
        if (declaration.conflict) {
          say(`${assessor.name} has a conflict of interest in ${bid.ref}`);
          continue;
        }
        const group: Group = groups.get(key) ?? { ref: bid.ref, bidId: bid.id, assessor, rows: new Map() };
        if (group.rows.has(criterion.id)) {
          say(
            `${bid.ref} ${criterion.code} for ${assessor.name} is already on row ${group.rows.get(criterion.id)}`,
          );
          continue;
        }
        group.rows.set(criterion.id, row);
        groups.set(key, group);
        lines.push({
          bidId: bid.id,
          personId: assessor.id,
          criterionId: criterion.id,
          score,
          justification: cell('justification'),
        });
      }
      // A row already refused would be reported again as a missing score; say each thing once.
      for (const group of problems.length > 0 ? [] : groups.values()) {
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
      for (const [key, group] of groups) {
        const done = submitted.get(key);
        if (done)
          throw new Refusal(
            'conflict',
            `${group.assessor.name} submitted their scores for ${group.ref} on ${formatDate(done.submittedAt)}: ` +
              'a submitted sheet is final unless a lead officer reopens it, with a reason',
          );
      }
      ctx.store.scoring.saveSubmittedScores(lines, ctx.now());
      const imported = lines.length;
      return { imported };
    });
  },
};
