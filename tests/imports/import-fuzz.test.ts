import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { columnLetters } from '../../electron/handlers/imports/office-file-guard';
import { TEST_PASSPHRASE, actingAs, testContext } from '../support/temp-db';
import { databaseHash } from '../support/database-hash';
import { rawXlsx, sheetXml, zip } from '../support/raw-xlsx';
import { addPerson } from '../support/people';

// Random files for every import format: each is imported or refused as invalid input (never an
// internal failure), quickly, and a refusal leaves the database exactly as it was. The run count
// is bounded for CI; FUZZ_RUNS=500 npx vitest run tests/imports/import-fuzz.test.ts runs longer.

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const BOUND_MS = 10_000;

async function office() {
  const { ctx: setup, connection } = testContext();
  await addPerson({ name: 'Lee Lead', role: 'lead officer', passphrase: TEST_PASSPHRASE }, setup);
  const ctx = actingAs(setup, 'Lee Lead');
  const round = await dispatch('rounds:create', { fund: 'Fuzz', name: 'Fuzz round', budgetPence: 1e8 }, ctx);
  if (!round.ok) throw new Error(round.error.message);
  const roundId = round.value.id;
  const bid = await dispatch(
    'bids:create',
    { roundId, ref: 'F1', partnership: 'Safer Walsall Partnership', title: 'Fuzzed', requestedPence: 100 },
    ctx,
  );
  if (!bid.ok) throw new Error(bid.error.message);
  await dispatch('frameworks:use', { roundId, template: 'invest-to-save' }, ctx);
  return { ctx, connection, roundId, bidId: bid.value.id };
}

type Office = Awaited<ReturnType<typeof office>>;

/** Runs one import and checks the bounds; true when it was imported. */
async function checkImport(o: Office, call: (ctx: HandlerContext) => Promise<unknown>) {
  const before = databaseHash(o.connection);
  const started = performance.now();
  const result = (await call(o.ctx)) as { ok: boolean; error?: { code: string; message: string } };
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  if (!result.ok) {
    expect(result.error?.code, result.error?.message).not.toBe('internal');
    expect(databaseHash(o.connection)).toBe(before);
  }
  return result.ok;
}

const base64 = (data: Buffer | Uint8Array | string) => Buffer.from(data).toString('base64');

// Cells drawn from what schedules hold, and from what breaks parsers.
const cellText = fc.oneof(
  fc.constantFrom('Ref', 'Partnership', 'Project title', 'Amount requested', 'Total', 'Sub-total', ''),
  fc.constantFrom('S1', 'SS4', 'SSF4-02', 'SSF4/02', 'a/../../x', '£50,000', '£1.5k', '£9,999,999,999'),
  fc.constantFrom('£100,000 could be reduced to £90,000', '-£35,000', '£12,5OO', '1e308', 'NaN'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const rows = fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 30 });
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvText = rows.map((r) =>
  [['Ref', 'Partnership', 'Project title', 'Amount requested'], ...r]
    .map((row) => row.map(quote).join(','))
    .join('\r\n'),
);
const encoding = fc.constantFrom('utf8', 'utf16le', 'latin1', 'utf8-bom') as fc.Arbitrary<
  'utf8' | 'utf16le' | 'latin1' | 'utf8-bom'
>;
const encode = (text: string, how: 'utf8' | 'utf16le' | 'latin1' | 'utf8-bom') =>
  how === 'utf8-bom'
    ? Buffer.from(`\uFEFF${text}`, 'utf8')
    : how === 'utf16le'
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      : Buffer.from(text, how);

const sheet = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 60_000 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.oneof(cellText, fc.double())), { maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((list) =>
    sheetXml(
      [...new Map(list).entries()]
        .sort(([a], [b]) => a - b)
        .map(([row, cells]) => [
          row,
          [...new Map(cells).entries()]
            .sort(([a], [b]) => a - b)
            .map(([column, value]) => [columnLetters(column), value] as [string, string | number]),
        ]),
    ),
  );

describe('fuzzing every import format', () => {
  it('schedule CSV: imported or refused cleanly', async () => {
    const o = await office();
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvText, fc.string({ maxLength: 300 })), encoding, async (text, how) => {
        await checkImport(o, (ctx) =>
          dispatch(
            'bids:import',
            { roundId: o.roundId, fileName: 'f.csv', dataBase64: base64(encode(text, how)) },
            ctx,
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('schedule CSV: random bytes refused cleanly', async () => {
    const o = await office();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
        await checkImport(o, (ctx) =>
          dispatch('bids:import', { roundId: o.roundId, fileName: 'f.csv', dataBase64: base64(bytes) }, ctx),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('schedule XLSX: imported or refused cleanly', async () => {
    const o = await office();
    await fc.assert(
      fc.asyncProperty(sheet, async (xml) => {
        await checkImport(o, (ctx) =>
          dispatch(
            'bids:import',
            { roundId: o.roundId, fileName: 'f.xlsx', dataBase64: base64(rawXlsx(xml)) },
            ctx,
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('business case DOCX: imported or refused cleanly', async () => {
    const o = await office();
    const paragraph = cellText.map((text) => `<w:p><w:r><w:t>${text.replace(/[<&]/g, '')}</w:t></w:r></w:p>`);
    const documentXml = fc.oneof(
      fc
        .array(paragraph, { maxLength: 20 })
        .map(
          (ps) =>
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
            `<w:body>${ps.join('')}</w:body></w:document>`,
        ),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(documentXml, async (xml) => {
        const docx = zip([{ name: 'word/document.xml', data: Buffer.from(xml) }]);
        await checkImport(o, (ctx) =>
          dispatch(
            'bids:importCase',
            { bidId: o.bidId, fileName: 'case.docx', dataBase64: base64(docx) },
            ctx,
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('score CSV: imported or refused cleanly', async () => {
    const o = await office();
    const scoreRows = fc.array(
      fc.tuple(
        fc.constantFrom('F1', 'F2', ''),
        fc.constantFrom('Lee Lead', 'Nobody', ''),
        fc.constantFrom('G1', 'C1', 'C2', 'X'),
        fc.oneof(fc.integer({ min: -2, max: 12 }).map(String), fc.string({ maxLength: 5 })),
        fc.string({ maxLength: 60 }),
      ),
      { maxLength: 20 },
    );
    await fc.assert(
      fc.asyncProperty(scoreRows, encoding, async (list, how) => {
        const text = [
          'bid,assessor,criterion,score,justification',
          ...list.map((r) => r.map(quote).join(',')),
        ].join('\n');
        await checkImport(o, (ctx) =>
          dispatch(
            'assessment:importScores',
            { roundId: o.roundId, fileName: 'scores.csv', dataBase64: base64(encode(text, how)) },
            ctx,
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('scoring sheet XLSX: imported or refused cleanly', async () => {
    const o = await office();
    await fc.assert(
      fc.asyncProperty(sheet, async (xml) => {
        await checkImport(o, (ctx) =>
          dispatch(
            'assessment:importScores',
            { roundId: o.roundId, fileName: 'sheet.xlsx', dataBase64: base64(rawXlsx(xml)) },
            ctx,
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
