import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildScoringSheetXlsx,
  readScoringSheetXlsx,
  ScoringSheetError,
} from '../../electron/handlers/exports/scoring-sheet';
import type { ScoringSheetData } from '../../electron/handlers/exports/types';

// The 2013-14 Invest to Save round, as one assessor would take it home to score offline.
const SHEET: ScoringSheetData = {
  fund: 'Invest to Save',
  roundName: '2013-14 tranche 2',
  roundId: 7,
  assessor: 'Priya Shah',
  generatedAt: '2013-11-05T09:30:00Z',
  framework: {
    scaleMin: 0,
    scaleMax: 5,
    descriptors: [
      { score: 5, descriptor: 'Excellent: fully evidenced' },
      { score: 0, descriptor: 'No evidence' },
      { score: 3, descriptor: 'Adequate' },
    ],
    threshold: 50,
    criteria: [
      {
        code: 'G1',
        name: 'Eligible partnership',
        guidance: 'The bid comes from a Community Safety Partnership.',
        weight: 0,
        minScore: null,
        gateway: true,
      },
      {
        code: 'C1',
        name: 'Fit with the Police and Crime Plan',
        guidance: 'Which priorities, and how directly.',
        weight: 60,
        minScore: 2,
        gateway: false,
      },
      {
        code: 'C2',
        name: 'Savings and sustainability',
        guidance: 'Evidence that the project saves money later.',
        weight: 40,
        minScore: null,
        gateway: false,
      },
    ],
  },
  bids: [
    {
      ref: 'S1',
      partnership: 'Safer Solihull Partnership',
      title: 'Project to address Violent Crime',
      requestedPence: 5_000_000,
    },
    {
      ref: 'C2',
      partnership: 'Coventry Local Police and Crime Board',
      title: 'Safer Homes Initiative',
      requestedPence: 3_800_000,
    },
  ],
  existing: { C2: { C1: { score: 4, justification: 'Targets repeat burglary, a plan priority.' } } },
};

const HEADERS = [
  'Bid',
  'Partnership',
  'Project',
  'Requested',
  'Criterion',
  'Criterion name',
  'Weight',
  'Score',
  'Justification',
];

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function scoresSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet('Scores');
  if (!sheet) throw new Error('no Scores sheet');
  return sheet;
}

/** The row number of a bid × criterion line, found the way a person would: by reading the cells. */
function rowOf(sheet: ExcelJS.Worksheet, bid: string, criterion: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === bid && row.getCell(5).value === criterion) found = row;
  });
  if (!found) throw new Error(`no row for ${bid} ${criterion}`);
  return found;
}

function headerRowOf(sheet: ExcelJS.Worksheet): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === 'Bid') found = row;
  });
  if (!found) throw new Error('no header row');
  return found;
}

describe('scoring sheet', () => {
  it('reads back the assessor, the round and the rows the assessor filled in', async () => {
    const workbook = await load(await buildScoringSheetXlsx(SHEET));
    const sheet = scoresSheet(workbook);
    const s1c1 = rowOf(sheet, 'S1', 'C1');
    s1c1.getCell(8).value = 3;
    s1c1.getCell(9).value = 'Clear link to violent crime priority; weak on evidence.';
    const s1g1 = rowOf(sheet, 'S1', 'G1');
    s1g1.getCell(8).value = 1;
    const c2c2 = rowOf(sheet, 'C2', 'C2');
    c2c2.getCell(8).value = 'four';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const read = await readScoringSheetXlsx(filled);

    expect(read.assessor).toBe('Priya Shah');
    expect(read.roundId).toBe(7);
    expect(read.rows).toEqual([
      { row: s1g1.number, bid: 'S1', criterion: 'G1', score: 1, justification: '' },
      {
        row: s1c1.number,
        bid: 'S1',
        criterion: 'C1',
        score: 3,
        justification: 'Clear link to violent crime priority; weak on evidence.',
      },
      {
        row: rowOf(sheet, 'C2', 'C1').number,
        bid: 'C2',
        criterion: 'C1',
        score: 4,
        justification: 'Targets repeat burglary, a plan priority.',
      },
      { row: c2c2.number, bid: 'C2', criterion: 'C2', score: 'four', justification: '' },
    ]);
  });

  it('gives back nothing but the pre-filled scores when the assessor changed nothing', async () => {
    const read = await readScoringSheetXlsx(await buildScoringSheetXlsx(SHEET));
    expect(read.rows.map((r) => [r.bid, r.criterion, r.score])).toEqual([['C2', 'C1', 4]]);
  });

  it('lays out one row per bid and criterion, with only Score and Justification open for editing', async () => {
    const sheet = scoresSheet(await load(await buildScoringSheetXlsx(SHEET)));
    const header = headerRowOf(sheet);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(sheet.getCell('A1').value).toBe('Invest to Save: 2013-14 tranche 2');
    expect(sheet.getCell('B2').value).toBe('Priya Shah');
    expect(sheet.getCell('B3').value).toBe('5 November 2013');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header.number });
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });

    const gateway = rowOf(sheet, 'S1', 'G1');
    expect(gateway.getCell(7).value).toBe('Pass (1) / fail (0)');
    expect(gateway.getCell(8).dataValidation).toMatchObject({
      type: 'whole',
      formulae: [0, 1],
      showInputMessage: true,
    });
    const scored = rowOf(sheet, 'C2', 'C1');
    expect(scored.getCell(4).value).toBe(38000);
    expect(scored.getCell(7).value).toBe(60);
    expect(scored.getCell(8).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 5] });
    expect(scored.getCell(8).dataValidation.prompt).toContain('0 to 5');
    expect(scored.getCell(8).protection).toMatchObject({ locked: false });
    expect(scored.getCell(9).protection).toMatchObject({ locked: false });
    expect(scored.getCell(1).protection?.locked).not.toBe(false);
    expect(rowOf(sheet, 'S1', 'C2').getCell(8).value).toBeNull();
    expect(sheet.rowCount - header.number).toBe(SHEET.bids.length * SHEET.framework.criteria.length);
  });

  it('explains each criterion and the scale on a Guidance sheet', async () => {
    const guidance = (await load(await buildScoringSheetXlsx(SHEET))).getWorksheet('Guidance');
    const rows: unknown[][] = [];
    guidance?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([
      'C1',
      'Fit with the Police and Crime Plan',
      '60%',
      2,
      'Which priorities, and how directly.',
    ]);
    expect(rows).toContainEqual([
      'G1',
      'Eligible partnership',
      'Pass (1) / fail (0)',
      undefined,
      'The bid comes from a Community Safety Partnership.',
    ]);
    const descriptors = rows.filter((r) => typeof r[0] === 'number');
    expect(descriptors).toEqual([
      [0, 'No evidence'],
      [3, 'Adequate'],
      [5, 'Excellent: fully evidenced'],
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readScoringSheetXlsx(Buffer.from('Ref,Score\nS1,3\n'))).rejects.toThrow(ScoringSheetError);
    await expect(readScoringSheetXlsx(Buffer.from('Ref,Score\nS1,3\n'))).rejects.toThrow(
      /not a readable Excel workbook/,
    );
  });

  it('refuses a workbook that is not a Tranche scoring sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Scores').addRow(['Bid', 'Criterion', 'Score', 'Justification']);
    const other = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readScoringSheetXlsx(other)).rejects.toThrow(ScoringSheetError);
    await expect(readScoringSheetXlsx(other)).rejects.toThrow(/not a Tranche scoring sheet/);
  });

  it('refuses a scoring sheet whose header row has been removed', async () => {
    const workbook = await load(await buildScoringSheetXlsx(SHEET));
    const sheet = scoresSheet(workbook);
    sheet.spliceRows(headerRowOf(sheet).number, 1);
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readScoringSheetXlsx(broken)).rejects.toThrow(/lost its header row/);
  });
});
