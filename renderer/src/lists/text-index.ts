import { filterWords } from './words-match';

// A list's filter box at 10,000 rows: each row's searchable text is lower-cased once, when the
// rows arrive, so a keystroke only runs `includes` over prepared strings (no per-row work that
// the previous keystroke already did, and no lookups by `.find`).

export interface TextIndex<Row> {
  rows: readonly Row[];
  texts: readonly string[];
}

export function indexText<Row>(rows: readonly Row[], text: (row: Row) => string): TextIndex<Row> {
  return { rows, texts: rows.map((row) => text(row).toLowerCase()) };
}

/** The rows, in their order, whose text holds every word typed and that `keep` accepts. */
export function filterIndexed<Row>(
  index: TextIndex<Row>,
  typed: string,
  keep: (row: Row) => boolean = () => true,
): Row[] {
  const words = filterWords(typed);
  const out: Row[] = [];
  for (let i = 0; i < index.rows.length; i++) {
    const row = index.rows[i] as Row;
    const text = index.texts[i] as string;
    if (words.every((word) => text.includes(word)) && keep(row)) out.push(row);
  }
  return out;
}
