import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libraries';

// Large workbooks (a panel pack or scoring sheet at 20,000 bids has hundreds of thousands of rows)
// are written with exceljs's streaming writer: each row is turned into XML and compressed into the
// file as soon as it is committed, so what is held in memory is the compressed file and the rows not
// yet committed, never a model of every cell. Rows must therefore be written in order, top to
// bottom, and each sheet finished (committed) before the next is started.

export interface StreamingWorkbook {
  workbook: ExcelJS.Workbook;
  /** Bytes of the file written so far: grows while rows are committed, not only at the end. */
  bytesWritten(): number;
  /** Commits every sheet not yet committed and gives the whole file. */
  finish(): Promise<Buffer>;
}

export async function streamingWorkbook(created: Date): Promise<StreamingWorkbook> {
  const Excel = await loadExcel();
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    bytes += chunk.length;
  });
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Tranche';
  workbook.created = created;
  return {
    workbook,
    bytesWritten: () => bytes,
    finish: async () => {
      await workbook.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/** Finishes a sheet of a streaming workbook: nothing more can be written to it. */
export async function commitSheet(sheet: ExcelJS.Worksheet): Promise<void> {
  await (sheet as unknown as { commit(): Promise<void> | void }).commit();
}

const ROWS_BETWEEN_DRAINS = 1000;

/**
 * Lets the file's compressor catch up every thousand rows: a sheet writes its rows as text into a
 * buffer that is only compressed while the event loop turns, so a loop that never yields would hold
 * the whole sheet's XML, uncompressed, until the end.
 */
export async function drained(rowIndex: number): Promise<void> {
  if (rowIndex % ROWS_BETWEEN_DRAINS === ROWS_BETWEEN_DRAINS - 1) await new Promise(setImmediate);
}
