import { columnLetters } from './office-file-guard';

// A quote that opens a cell and is never closed, or is closed only rows later, makes a CSV reader
// take the rows after it as one cell: the file then fails on the row after, or on its last line,
// far from the cause. This scan finds where such a quote opened, so the refusal names that cell.

/** Where a runaway quote opened, as the refusal should say it; null when every quote is sound. */
export function runawayQuote(text: string, delimiter: string, columns: number): string | null {
  // A line inside a quoted cell with this many separators looks like a row of the table.
  const rowLike = Math.max(2, columns - 2);
  let row = 1;
  let column = 1;
  let fieldStart = true;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (fieldStart && ch === '"') {
      const opened = `Row ${row}, column ${columnLetters(column)}`;
      let breaks = 0;
      let separators = 0;
      let swallowed = false;
      for (i++; ; i++) {
        if (i >= text.length)
          return (
            `${opened}: a quote opens this cell and is never closed, so everything after it would ` +
            'be read as one cell. Close the quote where the cell ends (or remove it) and import again'
          );
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            i++;
            continue;
          }
          break;
        }
        if (c === '\n') {
          breaks++;
          separators = 0;
        } else if (c === delimiter && breaks > 0 && ++separators >= rowLike) swallowed = true;
      }
      if (swallowed)
        return (
          `${opened}: a quote opens this cell and closes only ${breaks} line${breaks === 1 ? '' : 's'} ` +
          'later, taking in what look like whole rows. Close the quote where the cell ends (or remove ' +
          'it) and import again'
        );
      i++;
      fieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      column++;
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row++;
      column = 1;
      fieldStart = true;
    } else fieldStart = false;
    i++;
  }
  return null;
}
