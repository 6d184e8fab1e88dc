import { parse } from 'csv-parse/sync';
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../shared/limits';
import { Refusal } from '../refusal';
import { runawayQuote } from './csv-quotes';
import { columnLetters } from './office-file-guard';

// Reads a CSV file into rows of text, whichever encoding it was saved in and whichever separator
// it uses, and refuses (quickly, before building anything large) a file with more rows, columns or
// characters in a cell than Tranche reads.

/** One row, all its cells together: stops a runaway quote or a huge cell early. */
const MAX_ROW_CHARS = 4 * MAX_CELL_CHARS;

/**
 * The file's text. A byte-order mark says UTF-8 or UTF-16 (Excel's "Unicode text" is UTF-16 LE);
 * without one, text that is valid UTF-8 is read as UTF-8 and anything else as Windows-1252,
 * which is what Excel on Windows writes for "CSV (Comma delimited)".
 */
export function decodeText(data: Uint8Array): string {
  const [a, b, c] = data;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const unmarked = utf16WithoutMark(data);
  if (unmarked) return new TextDecoder(unmarked).decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** UTF-16 with no mark: ASCII text then has a zero in every other byte. */
function utf16WithoutMark(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(data.length - (data.length % 2), 1024);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (data[i] === 0) evenZeros++;
    if (data[i + 1] === 0) oddZeros++;
  }
  const half = sample / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.1) return 'utf-16le';
  if (evenZeros > half * 0.6 && oddZeros < half * 0.1) return 'utf-16be';
  return null;
}

const BLANK = /[\s,;\uFEFF]/;

/** Where the text ends once trailing blank lines (and lines of bare separators) are cut off. */
function endOfContent(text: string): number {
  // A backwards scan rather than a regular expression: /\s+$/ is quadratic on long blank runs.
  let end = text.length;
  // White space of every kind (Excel pads with non-breaking spaces too), bare separators and empty
  // quoted cells (""). Only whole lines are cut: a line with anything else in it is kept entire.
  for (;;) {
    if (end > 0 && BLANK.test(text[end - 1] as string)) end--;
    else if (end > 1 && text[end - 1] === '"' && text[end - 2] === '"') end -= 2;
    else break;
  }
  if (end === 0) return 0;
  // Keep the rest of the last line (its trailing separators are empty cells, not blank lines).
  const lineEnd = text.indexOf('\n', end);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

class TooManyRows extends Error {}

function separatorOf(firstLine: string): string {
  const count = (char: string) => firstLine.split(char).length - 1;
  if (count('\t') > count(',')) return '\t';
  if (count(';') > count(',')) return ';';
  return ',';
}

/** The file's rows, each cut at its last non-blank cell. */
export function readCsvRows(data: Uint8Array): string[][] {
  const decoded = decodeText(data);
  const text = decoded.slice(0, endOfContent(decoded));
  if (text === '') return [];
  let firstLineEnd = text.indexOf('\n');
  if (firstLineEnd === -1) firstLineEnd = text.length;
  const firstLine = text.slice(0, Math.min(firstLineEnd, 100_000));
  const delimiter = separatorOf(firstLine);
  const runaway = runawayQuote(text, delimiter, firstLine.split(delimiter).length);
  if (runaway) throw new Refusal('invalid_input', runaway);
  // Blank rows (cells empty or only spaces) inside the table are kept as positions, not records.
  const kept: { at: number; cells: string[] }[] = [];
  let position = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Any line ending, whatever the first line used: otherwise a file whose header ends in CRLF
      // reads a run of bare LF blank lines as one enormous record.
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_ROW_CHARS,
      on_record: (cells: string[]) => {
        const at = position++;
        // Trailing blank rows are cut off above, so a row past the limit has text after it: refuse.
        if (at >= MAX_IMPORT_ROWS) throw new TooManyRows();
        if (cells.every((cell) => cell.trim() === '')) return null;
        kept.push({ at, cells });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows)
      throw new Refusal(
        'invalid_input',
        `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows, more than Tranche reads`,
      );
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
      throw new Refusal(
        'invalid_input',
        `Row ${(error as { lines?: number }).lines ?? '?'} is longer than Tranche reads ` +
          `(more than ${MAX_ROW_CHARS.toLocaleString('en-GB')} characters)`,
      );
    throw new Refusal(
      'invalid_input',
      `The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const records: string[][] = Array.from({ length: (kept.at(-1)?.at ?? -1) + 1 }, () => []);
  for (const { at, cells } of kept) records[at] = cells;
  return records.map((cells, index) => {
    let width = cells.length;
    while (width > 0 && (cells[width - 1] as string).trim() === '') width--;
    if (width > MAX_IMPORT_COLUMNS)
      throw new Refusal(
        'invalid_input',
        `Row ${index + 1} has ${width} columns: Tranche reads at most ${MAX_IMPORT_COLUMNS}`,
      );
    const long = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
    if (long !== -1)
      throw new Refusal(
        'invalid_input',
        `Row ${index + 1}, column ${columnLetters(long + 1)} holds more than ` +
          `${MAX_CELL_CHARS.toLocaleString('en-GB')} characters`,
      );
    return width === cells.length ? cells : cells.slice(0, width);
  });
}
