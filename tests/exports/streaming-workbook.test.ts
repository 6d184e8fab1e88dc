import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPanelPackXlsx } from '../../electron/handlers/exports/panel-pack';
import { drained, streamingWorkbook } from '../../electron/handlers/exports/streaming-workbook';
import type { PanelPackData } from '../../electron/handlers/exports/types';

// Large workbooks are streamed: rows reach the file while the sheet is still being written, so a
// 20,000-bid export never holds a model of every cell.

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

const criteria = ['G1', 'C1', 'C2'].map((code, i) => ({
  code,
  name: `Criterion ${code}`,
  guidance: 'Guidance',
  weight: i === 0 ? 0 : 50,
  minScore: null,
  gateway: i === 0,
}));

function largePack(bids: number): PanelPackData {
  const refs = Array.from({ length: bids }, (_, i) => `B${i + 1}`);
  return {
    fund: 'Safer Streets',
    roundName: 'Large round',
    financialYear: '2026-27',
    generatedAt: '2026-12-06T09:00:00Z',
    demoNotice: null,
    availablePence: 100_000_000,
    framework: { scaleMin: 0, scaleMax: 5, descriptors: [], threshold: null, criteria },
    ranking: refs.map((ref, i) => ({
      rank: i + 1,
      ref,
      partnership: 'Coventry Community Safety Partnership',
      title: `Project ${i + 1}`,
      requestedPence: 1_000_000 + i,
      weightedScore: 50,
      assessorCount: 2,
      failedGateway: false,
      belowMinimum: false,
      belowThreshold: false,
      criteria: criteria.map((c) => ({ code: c.code, value: 3, moderated: false })),
    })),
    scores: refs.flatMap((ref, i) =>
      ['Amy Ash', 'Bo Birch'].flatMap((assessor) =>
        criteria.map((c) => ({
          ref,
          assessor,
          criterion: c.code,
          score: (i + c.code.length) % 6,
          justification: `Justification for ${ref}`,
        })),
      ),
    ),
    moderations: [],
    declarations: [],
  };
}

describe('streaming workbook', () => {
  it('writes rows into the file while the sheet is still being written, not all at the end', async () => {
    const book = await streamingWorkbook(new Date('2026-12-06T09:00:00Z'));
    const sheet = book.workbook.addWorksheet('Rows');
    const seen: number[] = [];
    for (let r = 0; r < 20_000; r++) {
      sheet.getRow(r + 1).values = [`Row ${r + 1}`, r, 'Some words to fill the row with text'];
      sheet.getRow(r + 1).commit();
      await drained(r);
      if (r % 5_000 === 4_999) seen.push(book.bytesWritten());
    }
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[3]).toBeGreaterThan(seen[0] ?? Infinity);
    const file = await book.finish();
    expect(file.length).toBeGreaterThanOrEqual(seen[3] ?? 0);
    const read = (await load(file)).getWorksheet('Rows');
    expect(read?.rowCount).toBe(20_000);
    expect(read?.getCell('A20000').value).toBe('Row 20000');
  });

  it('gives a panel pack of 2,000 bids every score in order, its money formatted and its header frozen', async () => {
    const pack = largePack(2_000);
    pack.ranking[1]!.requestedPence = 1_000_050;
    const workbook = await load(await buildPanelPackXlsx(pack));
    const scores = workbook.getWorksheet('Scores')!;
    const header = 4;
    expect(scores.getRow(header).getCell(1).value).toBe('Ref');
    const rows: unknown[][] = [];
    scores.eachRow((row, n) => {
      if (n > header) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual(pack.scores.map((s) => [s.ref, s.assessor, s.criterion, s.score, s.justification]));
    expect(scores.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(scores.autoFilter).toBe('A4:E4');

    const ranking = workbook.getWorksheet('Ranking')!;
    expect(ranking.getCell(header + 1, 5).numFmt).toBe('"£"#,##0');
    expect(ranking.getCell(header + 2, 5).value).toBe(10_000.5);
    expect(ranking.getCell(header + 2, 5).numFmt).toBe('"£"#,##0.00');
    expect(ranking.getCell(header + 2_001, 4).value).toMatch(/^Total requested/);
  });
});
