import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import { REGISTER_COLUMNS } from '../../shared/publish';
import type { ReadContext } from './context';
import { loadExcel } from './lazy-libraries';
import { noticeData } from './notice-content';

// The register of crime and disorder reduction grants: one row per award in the decisions signed
// in a period, read from each notice's signed content so that it says what was signed.

type Row = (string | number)[];

function registerRows(ctx: ReadContext, from: string, to: string): Row[] {
  return ctx.store.notices.signedBetween(from, to).flatMap((notice) => {
    const data = noticeData(ctx, notice);
    return data.decisions.map((bid): Row => [
      data.number,
      data.signature?.date ?? notice.signedOn ?? '',
      bid.partnership,
      (bid.awardedPence ?? 0) / 100,
      bid.conditions.trim() || 'None',
      bid.title,
      bid.crimeReduction?.trim() || 'Not recorded',
      data.fund,
      data.roundName,
    ]);
  });
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = typeof value === 'number' ? value.toFixed(2) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const publishHandlers = {
  'publish:register': async (input: ParsedInput<'publish:register'>, ctx: ReadContext) => {
    const rows = registerRows(ctx, input.from, input.to);
    const name = `Grants register ${input.from} to ${input.to}`;
    if (input.format === 'csv') {
      const lines = [[...REGISTER_COLUMNS], ...rows].map((row) => row.map(csvField).join(','));
      return {
        fileName: `${name}.csv`,
        mediaType: 'text/csv',
        // A byte-order mark so that Excel reads the £ sign as UTF-8.
        dataBase64: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64'),
      };
    }
    const Excel = await loadExcel();
    const book = new Excel.Workbook();
    const sheet = book.addWorksheet('Grants register');
    sheet.addRow([`Grants awarded in decisions signed ${formatDate(input.from)} to ${formatDate(input.to)}`]);
    sheet.addRow([...REGISTER_COLUMNS]).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(4).numFmt = '£#,##0.00';
    sheet.columns.forEach((column, i) => (column.width = [16, 14, 36, 14, 40, 40, 50, 20, 20][i] ?? 20));
    return {
      fileName: `${name}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dataBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    };
  },
};
