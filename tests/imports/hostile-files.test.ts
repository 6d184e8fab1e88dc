import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { safeFileName } from '../../shared/file-names';
import { rawXlsx, sheetXml } from '../support/raw-xlsx';
import { databaseHash } from '../support/database-hash';
import { moveRoundTo } from '../support/stages';
import { TEST_PASSPHRASE, actingAs, testContext } from '../support/temp-db';

// The hostile files of issue 12, each refused with a clear message or imported correctly, within
// 10 s and 500 MB, and the database byte-for-byte as it was after a refusal. Small files are
// committed in tests/fixtures/hostile (made by make.ts there); large ones are built here.

const BOUND_MS = 10_000;
const BOUND_BYTES = 500 * 1024 * 1024;
// What one import may add to the process. Not the process's whole size: here that counts the test
// worker and this file's own fixtures (a 62 MB sheet is built in memory), and starts some 65 MB
// higher on Node 24 than on 22. Tranche itself runs at about 90 MB (the command line) to 250 MB
// (web mode under tsx), so an import within this keeps it within the 500 MB bound.
const IMPORT_BYTES = BOUND_BYTES - 250 * 1024 * 1024;
const fixture = (name: string) => readFileSync(`tests/fixtures/hostile/${name}`);
const HEADER = 'Ref,Partnership,Project title,Amount requested\r\n';

/** A lead officer to act as: importing scores and writing letters need a person. */
async function asLead(ctx: HandlerContext): Promise<HandlerContext> {
  const added = await dispatch(
    'people:add',
    { name: 'Lee Lead', role: 'lead officer', passphrase: TEST_PASSPHRASE },
    ctx,
  );
  if (!added.ok) throw new Error(added.error.message);
  return actingAs(ctx, 'Lee Lead');
}

async function roundWithOneBid(ctx: HandlerContext, requestedPence = 100_00) {
  const round = await dispatch(
    'rounds:create',
    { fund: 'Invest to Save', name: 'Hostile', budgetPence: 350_000_00 },
    ctx,
  );
  if (!round.ok) throw new Error(round.error.message);
  const bid = await dispatch(
    'bids:create',
    {
      roundId: round.value.id,
      ref: 'X1',
      partnership: 'Safer Walsall Partnership',
      title: 'Already here',
      requestedPence,
    },
    ctx,
  );
  if (!bid.ok) throw new Error(bid.error.message);
  return { roundId: round.value.id, bidId: bid.value.id };
}

type Outcome = Awaited<ReturnType<typeof dispatch<'bids:import'>>>;

/** Imports a schedule, checking the time and memory bounds and, on refusal, that nothing changed. */
async function importSchedule(fileName: string, data: Buffer, requestedPence?: number) {
  const { ctx, connection } = testContext();
  const { roundId } = await roundWithOneBid(ctx, requestedPence);
  const before = databaseHash(connection);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result: Outcome = await dispatch(
    'bids:import',
    { roundId, fileName, dataBase64: data.toString('base64') },
    ctx,
  );
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(IMPORT_BYTES);
  if (!result.ok) {
    expect(result.error.code).toBe('invalid_input');
    expect(databaseHash(connection)).toBe(before);
  }
  const bids = await dispatch('bids:list', { roundId }, ctx);
  return { result, bids: bids.ok ? bids.value : [], connection };
}

const refusal = (result: Outcome) => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return [result.error.message, ...(result.error.issues ?? []).map((i) => i.message)].join('\n');
};

describe('hostile schedules', () => {
  it.each(['utf8-bom.csv', 'utf16le-bom.csv', 'utf16be-bom.csv', 'windows-1252.csv'])(
    'reads %s with its £ signs and accents',
    async (name) => {
      const { result, bids } = await importSchedule(name, fixture(name));
      expect(result).toMatchObject({ ok: true, value: { imported: 2, requestedPence: 5_150_000 } });
      expect(bids.map((b) => [b.ref, b.title])).toContainEqual(['S2', 'Café outreach']);
    },
  );

  it('reads UTF-16 without a byte-order mark too', async () => {
    const text = HEADER + 'S1,Safer Solihull Partnership,A project,£50\r\n';
    const { result } = await importSchedule('x.csv', Buffer.from(text, 'utf16le'));
    expect(result).toMatchObject({ ok: true, value: { imported: 1 } });
  });

  it('refuses SSF4/02 as a reference, naming its row and column', async () => {
    const { result } = await importSchedule('refs.csv', fixture('ref-with-slash.csv'));
    expect(refusal(result)).toMatch(/Row 3, Ref: "SSF4\/02" is not a usable reference: use only letters/);
  });

  it('refuses a reference that is a path', async () => {
    const { result } = await importSchedule('refs.csv', fixture('ref-path.csv'));
    expect(refusal(result)).toMatch(/Row 2, Ref: "a\/\.\.\/\.\.\/x" is not a usable reference/);
  });

  it('keeps a Total in the Ref column as a subtotal, not a bid', async () => {
    const { result, bids } = await importSchedule('totals.csv', fixture('total-in-ref.csv'));
    expect(result).toMatchObject({ ok: true, value: { imported: 2 } });
    expect(bids.map((b) => b.ref).sort()).toEqual(['S1', 'S2', 'X1']);
  });

  it('refuses one amount past the largest Tranche holds', async () => {
    const { result } = await importSchedule('big.csv', fixture('amount-past-limit.csv'));
    expect(refusal(result)).toMatch(/larger than Tranche can hold \(£10,000,000,000\)/);
  });

  it('refuses 1,000 amounts of £99,999,999,999 (the issue) before writing any', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `B${i},Birmingham,Bid ${i},"£99,999,999,999"`);
    const { result } = await importSchedule('many.csv', Buffer.from(HEADER + rows.join('\r\n')));
    expect(refusal(result)).toMatch(/Nothing was imported: \d+ problems/);
    expect(refusal(result)).toMatch(
      /Row 1001, Amount requested: "£99,999,999,999" is larger than Tranche can hold/,
    );
  });

  it('refuses amounts that each fit but add up past the limit', async () => {
    const { result } = await importSchedule('sum.csv', fixture('total-past-limit.csv'));
    expect(refusal(result)).toMatch(/add up to more than £10,000,000,000/);
  });

  it("refuses a schedule that would take the round's total past the limit", async () => {
    const row = 'B1,Birmingham,Two billion,"£2,000,000,000"\r\n';
    const { result } = await importSchedule('sum.csv', Buffer.from(HEADER + row), 9_000_000_000_00);
    expect(refusal(result)).toMatch(/would then ask for more than £10,000,000,000 in all/);
  });

  it('refuses a title longer than the form allows, naming row and column', async () => {
    const { result } = await importSchedule('long.csv', fixture('title-301.csv'));
    expect(refusal(result)).toMatch(/Row 2, Project title: 301 characters: at most 300 fit here/);
  });

  it('refuses a 5 MB title quickly', async () => {
    const row = `T1,Safer Walsall Partnership,${'x'.repeat(5 * 1024 * 1024)},£100\r\n`;
    const { result } = await importSchedule('huge.csv', Buffer.from(HEADER + row));
    expect(refusal(result)).toMatch(/Row 2 is longer than Tranche reads \(more than 800,000 characters\)/);
  });

  it('refuses more columns than Tranche reads', async () => {
    const { result } = await importSchedule('wide.csv', fixture('many-columns.csv'));
    expect(refusal(result)).toMatch(/Row 1 has 154 columns: Tranche reads at most 100/);
  });

  it('handles 2 MB of blank lines without recursion', async () => {
    const { result } = await importSchedule('blank.csv', Buffer.from('\r\n'.repeat(1024 * 1024)));
    expect(refusal(result)).toMatch(/nothing in it/);
  });

  it('handles 2 MB of blank lines after a schedule', async () => {
    const data = HEADER + 'S1,Safer Solihull Partnership,A project,£50\r\n' + '\n'.repeat(2 * 1024 * 1024);
    const { result } = await importSchedule('trailing.csv', Buffer.from(data));
    expect(result).toMatchObject({ ok: true, value: { imported: 1 } });
  });

  it('refuses 2 MB of blank lines inside a schedule as too many rows', async () => {
    const data = HEADER + '\n'.repeat(2 * 1024 * 1024) + 'S1,Safer Solihull Partnership,A project,£50\r\n';
    const { result } = await importSchedule('middle.csv', Buffer.from(data));
    expect(refusal(result)).toMatch(/more than 50,000 rows/);
  });

  it('refuses a sheet with one cell at row 1,000,000', async () => {
    const { result } = await importSchedule('far.xlsx', fixture('row-1000000.xlsx'));
    expect(refusal(result)).toMatch(/rows down to row 1,000,000: Tranche reads at most 50,000 rows/);
  });

  it('refuses a sheet of 300,000 rows', async () => {
    const rows = (function* () {
      yield [
        1,
        [
          ['A', 'Ref'],
          ['B', 'Partnership'],
          ['C', 'Title'],
          ['D', 'Amount'],
        ],
      ] as [number, [string, string | number][]];
      for (let r = 2; r <= 300_001; r++)
        yield [
          r,
          [
            ['A', `S${r}`],
            ['B', 'P'],
            ['C', 'T'],
            ['D', r],
          ],
        ] as [number, [string, string | number][]];
    })();
    const { result } = await importSchedule('tall.xlsx', rawXlsx(sheetXml(rows)));
    expect(refusal(result)).toMatch(/Tranche reads at most 50,000 rows|unpacks to more than 40 MB/);
  });

  it('reads the right-most column after a blank one', async () => {
    const { result, bids } = await importSchedule('gap.xlsx', fixture('blank-column.xlsx'));
    expect(result).toMatchObject({ ok: true, value: { imported: 1, requestedPence: 5_000_000 } });
    expect(bids.find((b) => b.ref === 'S1')?.requestedPence).toBe(5_000_000);
  });

  it('refuses a value in column XFD', async () => {
    const { result } = await importSchedule('wide.xlsx', fixture('column-xfd.xlsx'));
    expect(refusal(result)).toMatch(/Row 1, column XFD holds a value: Tranche reads at most 100 columns/);
  });

  it('refuses a zip bomb without unpacking it', async () => {
    const { result } = await importSchedule('bomb.xlsx', fixture('zip-bomb.xlsx'));
    expect(refusal(result)).toMatch(/unpacks to more than 40 MB/);
  });

  it('refuses a file that is not a workbook', async () => {
    const { result } = await importSchedule('x.xlsx', fixture('not-a-zip.xlsx'));
    expect(refusal(result)).toBe('The file is not a readable Excel workbook (.xlsx)');
  });
});

describe('hostile business cases and score files', () => {
  it('refuses a Word zip bomb, changing nothing', async () => {
    const { ctx, connection } = testContext();
    const { bidId } = await roundWithOneBid(ctx);
    const before = databaseHash(connection);
    const result = await dispatch(
      'bids:importCase',
      { bidId, fileName: 'case.docx', dataBase64: fixture('zip-bomb.docx').toString('base64') },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/unpacks to more than 40 MB/);
    expect(databaseHash(connection)).toBe(before);
  });

  it.each([
    ['scores.csv', fixture('scores-utf16.csv'), /The file has no scores in it/],
    ['scores.csv', Buffer.from('\r\n'.repeat(1024 * 1024)), /header row must name the columns/],
    ['scores.xlsx', fixture('row-1000000.xlsx'), /Tranche reads at most 50,000 rows/],
    ['scores.xlsx', fixture('zip-bomb.xlsx'), /unpacks to more than 40 MB/],
  ])('refuses the scores file %s (%#) clearly, changing nothing', async (fileName, data, message) => {
    const { ctx: setup, connection } = testContext();
    const ctx = await asLead(setup);
    const { roundId } = await roundWithOneBid(ctx);
    await dispatch('frameworks:use', { roundId, template: 'invest-to-save' }, ctx);
    // Scores are imported while the round is being assessed.
    await moveRoundTo(ctx, roundId, 'assessment');
    const before = databaseHash(connection);
    const started = performance.now();
    const result = await dispatch(
      'assessment:importScores',
      { roundId, fileName, dataBase64: data.toString('base64') },
      ctx,
    );
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(result.ok).toBe(false);
    expect(
      !result.ok && [result.error.message, ...(result.error.issues ?? []).map((i) => i.message)].join('\n'),
    ).toMatch(message);
    expect(databaseHash(connection)).toBe(before);
  });
});

describe('file names the app writes', () => {
  it.each([
    ['a/../../x award letter.pdf', 'a-x award letter.pdf'],
    ['SSF4/02 decline letter.docx', 'SSF4-02 decline letter.docx'],
    ['..', 'file-unnamed'],
    ['CON.pdf', 'file-CON.pdf'],
    ['C:\\Windows\\x.pdf', 'C-Windows-x.pdf'],
  ])('%s becomes %s', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('letters for a stored reference that is a path stay in the folder', async () => {
    const ctx = await asLead(testContext().ctx);
    const { roundId, bidId } = await roundWithOneBid(ctx);
    // Written past the checks, as an older release could have stored it.
    const stored = ctx.store.bids.get(bidId);
    if (!stored) throw new Error('no bid');
    ctx.store.bids.update(bidId, { ...stored, ref: 'a/../../x' }, ctx.now());
    const letters = await dispatch('letters:export', { roundId, format: 'docx' }, ctx);
    if (!letters.ok) throw new Error(letters.error.message);
    expect(letters.value.map((l) => l.fileName)).toEqual(['a-x decline letter.docx']);
  });
});
