import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { testContext } from '../support/temp-db';

const APPENDIX_A = readFileSync('tests/fixtures/appendix-a-2013.csv');

async function investToSave(ctx: HandlerContext) {
  const round = await dispatch(
    'rounds:create',
    {
      fund: 'Invest to Save',
      name: '2013-14 tranche 2',
      budgetPence: 35_000_000,
      commitments: [{ description: 'DHR project', amountPence: 3_000_000 }],
    },
    ctx,
  );
  if (!round.ok) throw new Error(round.error.message);
  return round.value.id;
}

const file = (fileName: string, data: Buffer | Uint8Array) => ({
  fileName,
  dataBase64: Buffer.from(data).toString('base64'),
});

/** The same schedule as an officer might keep it in Excel: other headers, numbers in cells, a reduced column. */
async function appendixAWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Invest to Save bids');
  sheet.addRow(['Reference', 'Applicant', 'Project title', 'Requested (£)', 'Could be reduced to']);
  const rows: [string, string, string, number, number | null][] = [
    ['S1', 'Safer Solihull Partnership', 'Project to address Violent Crime', 50000, null],
    ['D1', 'Safe and Sound Dudley', 'Commissioning of the local Community Payback team', 50000, null],
    ['C1', 'Coventry Local Police and Crime Board', 'Safeguarding Hub', 35000, null],
    ['C2', '', 'Safer Homes Initiative', 38000, null],
    ['W1', 'Safer Walsall Partnership', 'Business Crime Initiative', 25000, null],
    ['W2', '', 'No Cold Calling Zones', 15000, null],
    ['B1', 'Birmingham Community Safety Partnership', 'Youth Violence project', 100000, 90000],
    ['B2', '', 'Domestic Abuse project', 95000, 75000],
    ['SS1', 'Safer Sandwell Partnership', 'Domehawk cameras', 33760, null],
    ['SS2', '', 'Alternative Pathways', 20000, null],
    ['SS3', '', 'Polish Engagement Project', 1500, null],
    ['SS4', '', 'Multi Agency Safeguarding Hub Project (MASH)', 38000, null],
    ['SS5', '', 'Rights and Equality Sandwell', 8000, null],
  ];
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing a bid schedule', () => {
  it(
    'reads the 2013 Appendix A, saved as CSV, as 13 bids from 6 partnerships ' +
      'with the round £189,260 over',
    async () => {
      const { ctx } = testContext();
      const roundId = await investToSave(ctx);
      const preview = await dispatch(
        'bids:previewImport',
        { roundId, ...file('Appendix A.csv', APPENDIX_A) },
        ctx,
      );
      expect(preview.ok && preview.value).toMatchObject({
        bidCount: 13,
        partnershipCount: 6,
        requestedPence: 50_926_000,
        reducedRequestedPence: 47_926_000,
        problems: [],
      });
      expect(preview.ok && preview.value.mapping.map((m) => m.field)).toEqual([
        'ref',
        'partnership',
        'title',
        'requested',
      ]);
      expect(preview.ok && preview.value.bids.find((b) => b.ref === 'S1')).toMatchObject({
        requestedPence: 5_000_000,
        note: expect.stringContaining('Total requested'),
      });

      const result = await dispatch('bids:import', { roundId, ...file('Appendix A.csv', APPENDIX_A) }, ctx);
      expect(result).toEqual({
        ok: true,
        value: {
          imported: 13,
          // The papers' Total rows agree with their bids: nothing to warn of.
          warnings: [],
          partnerships: 6,
          requestedPence: 50_926_000,
          reducedRequestedPence: 47_926_000,
        },
      });

      const dashboard = await dispatch('rounds:dashboard', { id: roundId }, ctx);
      expect(dashboard.ok && dashboard.value).toMatchObject({
        overPence: 18_926_000,
        overWithReductionsPence: 15_926_000,
        // The schedule gives totals only: said once for the round, not on each of the 13 bids.
        flags: [
          {
            code: 'NO_COST_LINES',
            severity: 'warning',
            message: expect.stringMatching(/^None of the 13 bids/),
          },
        ],
      });
      expect(
        dashboard.ok &&
          dashboard.value.partnerships.map((p) => [
            p.partnership,
            p.bidCount,
            p.requestedPence,
            p.statedPence,
          ]),
      ).toEqual([
        ['Birmingham Community Safety Partnership', 2, 19_500_000, 19_500_000],
        ['Coventry Local Police and Crime Board', 2, 7_300_000, 7_300_000],
        ['Safe and Sound Dudley', 1, 5_000_000, 5_000_000],
        ['Safer Sandwell Partnership', 5, 10_126_000, 10_126_000],
        ['Safer Solihull Partnership', 1, 5_000_000, 5_000_000],
        ['Safer Walsall Partnership', 2, 4_000_000, 4_000_000],
      ]);
      const bids = await dispatch('bids:list', { roundId }, ctx);
      expect(bids.ok && bids.value.find((b) => b.ref === 'B2')).toMatchObject({
        requestedPence: 9_500_000,
        reducedPence: 7_500_000,
        partnership: 'Birmingham Community Safety Partnership',
      });
    },
  );

  it('reads the same schedule from XLSX with other headers, and agrees after mapping', async () => {
    const { ctx } = testContext();
    const roundId = await investToSave(ctx);
    const xlsx = file('bids.xlsx', await appendixAWorkbook());
    const preview = await dispatch('bids:previewImport', { roundId, ...xlsx }, ctx);
    expect(preview.ok && preview.value.mapping.map((m) => m.field)).toEqual([
      'ref',
      'partnership',
      'title',
      'requested',
      'reduced',
    ]);
    // The officer confirms the mapping the preview proposed, as the wizard does.
    const mapping = {
      '0': 'ref',
      '1': 'partnership',
      '2': 'title',
      '3': 'requested',
      '4': 'reduced',
    } as const;
    const result = await dispatch('bids:import', { roundId, ...xlsx, mapping }, ctx);
    expect(result).toEqual({
      ok: true,
      value: {
        imported: 13,
        warnings: [],
        partnerships: 6,
        requestedPence: 50_926_000,
        reducedRequestedPence: 47_926_000,
      },
    });
  });

  it('honours a corrected mapping and refuses one that leaves out a needed field', async () => {
    const { ctx } = testContext();
    const roundId = await investToSave(ctx);
    const xlsx = file('bids.xlsx', await appendixAWorkbook());
    const noAmount = await dispatch(
      'bids:previewImport',
      { roundId, ...xlsx, mapping: { '0': 'ref', '1': 'partnership', '2': 'title' } },
      ctx,
    );
    expect(noAmount.ok && noAmount.value.problems).toEqual([
      { row: 1, column: null, message: 'No column is mapped to "Amount requested"' },
    ]);
  });

  it.each([
    ['£12,5OO', 'is not an amount of money'],
    ['-£35,000', 'cannot be negative'],
  ])('imports nothing when one amount is %s, and names the row and column', async (amount, reason) => {
    const { ctx } = testContext();
    const roundId = await investToSave(ctx);
    const bad = Buffer.from(APPENDIX_A.toString('utf8').replace('"£35,000"', `"${amount}"`));
    const result = await dispatch('bids:import', { roundId, ...file('Appendix A.csv', bad) }, ctx);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Nothing was imported: 1 problem in Appendix A.csv' },
    });
    expect(!result.ok && result.error.issues).toEqual([
      { path: 'row 6', message: expect.stringMatching(new RegExp(`^Row 6, Amount Requested: .*${reason}`)) },
    ]);
    expect(await dispatch('bids:list', { roundId }, ctx)).toEqual({ ok: true, value: [] });
    expect(await dispatch('partnerships:list', {}, ctx)).toEqual({ ok: true, value: [] });
  });

  it(
    'names every bad row: duplicates, missing references, missing amounts, references already in the ' +
      'round',
    async () => {
      const { ctx } = testContext();
      const roundId = await investToSave(ctx);
      await dispatch(
        'bids:import',
        {
          roundId,
          ...file(
            'first.csv',
            Buffer.from('Ref,Partnership,Project,Amount\nX1,Safer Walsall Partnership,Existing,£1,000\n'),
          ),
        },
        ctx,
      );
      const csv = [
        'Ref,Partnership,Project,Amount',
        'A1,Safer Walsall Partnership,One,£100',
        'A1,,Two,£200',
        ',,Stray text,£5',
        'A3,,Three,',
        'x1,,Four,£1',
      ].join('\n');
      const result = await dispatch('bids:import', { roundId, ...file('bad.csv', Buffer.from(csv)) }, ctx);
      expect(!result.ok && result.error.issues?.map((i) => i.message)).toEqual([
        'Row 3, Ref: A1 appears twice in this file (also row 2)',
        'Row 4, Ref: This row has no reference: every bid needs one (S1, SS4, SSF4-02…), and a subtotal ' +
          'row should say "Total"',
        'Row 5, Amount: No amount requested',
        'Row 6, Ref: x1 is already in this round',
      ]);
    },
  );

  it('refuses files it cannot read with a clear reason', async () => {
    const { ctx } = testContext();
    const roundId = await investToSave(ctx);
    expect(
      await dispatch('bids:import', { roundId, ...file('bids.pdf', Buffer.from('%PDF')) }, ctx),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('.xlsx workbook or a .csv file') },
    });
    expect(
      await dispatch('bids:import', { roundId, ...file('bids.xlsx', Buffer.from('not a zip')) }, ctx),
    ).toMatchObject({ ok: false, error: { message: 'The file is not a readable Excel workbook (.xlsx)' } });
  });
});
