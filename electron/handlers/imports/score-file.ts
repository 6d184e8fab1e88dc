import { Refusal } from '../refusal';
import { readCsvRows } from './csv-file';

// A scores file as CSV: a header naming bid, assessor, criterion, score and justification (in any
// order, any case), then one score per row. Read with the same encodings and bounds as schedules.

/** A row of a scores file, CSV or scoring sheet, as written. */
export interface ScoreRow {
  row: number;
  bid: string;
  assessor: string;
  criterion: string;
  score: string;
  justification: string;
}

const COLUMNS = ['bid', 'assessor', 'criterion', 'score', 'justification'] as const;

export function scoreRowsFromCsv(data: Buffer): ScoreRow[] {
  const rows = readCsvRows(data);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0)
    throw new Refusal(
      'invalid_input',
      'The header row must name the columns bid, assessor, criterion, score, justification ' +
        `(missing: ${missing.join(', ')})`,
    );
  const index = new Map(COLUMNS.map((name) => [name, header.indexOf(name)]));
  const at = (cells: string[], name: (typeof COLUMNS)[number]) => cells[index.get(name) ?? -1] ?? '';
  const scores: ScoreRow[] = [];
  rows.forEach((cells, offset) => {
    // Blank lines are skipped, but rows keep the numbers a spreadsheet would show.
    if (offset === 0 || cells.every((cell) => cell.trim() === '')) return;
    scores.push({
      row: offset + 1,
      bid: at(cells, 'bid'),
      assessor: at(cells, 'assessor'),
      criterion: at(cells, 'criterion'),
      score: at(cells, 'score'),
      justification: at(cells, 'justification'),
    });
  });
  return scores;
}
