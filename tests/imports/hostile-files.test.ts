import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { safeFileName } from '../../shared/file-names';
import { fileSizeRefusal } from '../../shared/limits';
import { rawXlsx, sheetXml, zip } from '../support/raw-xlsx';
import { databaseHash } from '../support/database-hash';
import { moveRoundTo } from '../support/stages';
import { TEST_KDF, TEST_PASSPHRASE, actingAs, tempDir, testContext } from '../support/temp-db';
import { addPerson } from '../support/people';

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
  const added = await addPerson({ name: 'Lee Lead', role: 'lead officer', passphrase: TEST_PASSPHRASE }, ctx);
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
    expect(refusal(result)).toMatch(/values down to row 1,000,000: Tranche reads at most 50,000 rows/);
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

/** A compound (OLE/CFB) file as Excel 97-2003 writes one, or a protected .xlsx/.docx: its header
 * signature, then the directory's stream names in UTF-16LE. Enough of one for Tranche to tell. */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, ...streams.map((s) => Buffer.from(s.padEnd(32, '\0'), 'utf16le'))]);
}

/** A Word document whose styles part states 1 KB and unpacks to 60 MB. */
function docxWithStylesBomb(): Buffer {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${text}`);
  return zip([
    { name: '[Content_Types].xml', data: xml('<Types/>') },
    { name: 'word/document.xml', data: xml('<w:document><w:body/></w:document>') },
    { name: 'word/styles.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20), claimedSize: 1024 },
  ]);
}

async function cliImport(file: string, roundId: number, db: string, json = false) {
  const printed: string[] = [];
  const errors: string[] = [];
  const code = await runCli(
    ['--db', db, 'import', 'bids', file, '--round', String(roundId), ...(json ? ['--json'] : [])],
    {
      stdout: (t) => printed.push(t),
      stderr: (t) => errors.push(t),
      env: {},
      migrationsFolder: MIGRATIONS_FOLDER,
      version: '0.0.0-test',
      kdf: TEST_KDF,
    },
  );
  return { code, stdout: printed.join('\n'), stderr: errors.join('\n') };
}

describe('refusals that name the real cause', () => {
  it('refuses a 500 MB file by its size on the command line, without reading it', async () => {
    const { ctx, file: db } = testContext();
    const { roundId } = await roundWithOneBid(ctx);
    const big = path.join(tempDir(), 'big.csv');
    writeFileSync(big, HEADER);
    truncateSync(big, 500 * 1024 * 1024); // sparse: no disk used, and no byte of it is read
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { code, stderr } = await cliImport(big, roundId, db);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(code).toBe(2);
    expect(stderr).toContain('big.csv is 500 MB: Tranche imports files of at most 20 MB');
  });

  it('names the size in the app before reading the file, the same words', () => {
    expect(fileSizeRefusal('big.xlsx', 21 * 1024 * 1024)).toMatch(
      /^big\.xlsx is 21 MB: Tranche imports files/,
    );
    expect(fileSizeRefusal('ok.xlsx', 20 * 1024 * 1024)).toBeNull();
  });

  it('says a password-protected workbook is protected, and how to save it', async () => {
    const data = compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    const { result } = await importSchedule('locked.xlsx', data);
    expect(refusal(result)).toMatch(
      /^locked\.xlsx is protected with a password.*remove the password.*save it as an Excel Workbook \(\.xlsx\)/,
    );
  });

  it('says an old .xls is one, and to save it as .xlsx from Excel', async () => {
    const data = compoundFile(['Root Entry', 'Workbook', 'SummaryInformation']);
    for (const name of ['old.xls', 'renamed.xlsx']) {
      const { result } = await importSchedule(name, data);
      expect(refusal(result)).toBe(
        `${name} is an old-style Excel 97-2003 workbook (.xls). Open it in Excel and save it as an Excel ` +
          'Workbook (.xlsx) (File > Save As), then import that',
      );
    }
  });

  it('says a protected Word business case is protected', async () => {
    const { ctx } = testContext();
    const { bidId } = await roundWithOneBid(ctx);
    const data = compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    const result = await dispatch(
      'bids:importCase',
      { bidId, fileName: 'case.docx', dataBase64: data.toString('base64') },
      ctx,
    );
    expect(!result.ok && result.error.message).toMatch(
      /protected with a password.*a Word Document \(\.docx\)/,
    );
  });

  it.each([
    ['a million blank lines', '\r\n'],
    ['a million rows of empty quoted cells', '"","","",""\r\n'],
    ['a million rows of non-breaking spaces', '\u00a0,\u00a0\r\n'],
  ])('imports 2 bids followed by %s', async (_what, blank) => {
    const bids = 'S1,Safer Solihull Partnership,One,£50\r\nS2,Safer Solihull Partnership,Two,£70\r\n';
    const { result } = await importSchedule(
      'trailing.csv',
      Buffer.from(HEADER + bids + blank.repeat(1_000_000)),
    );
    expect(result).toMatchObject({ ok: true, value: { imported: 2, requestedPence: 12_000 } });
  });

  it('imports 2 bids from a sheet whose empty rows run to row 200,000', async () => {
    const rows = (function* (): Generator<[number, [string, string | number][]]> {
      yield [
        1,
        [
          ['A', 'Ref'],
          ['B', 'Partnership'],
          ['C', 'Title'],
          ['D', 'Amount'],
        ],
      ];
      yield [
        2,
        [
          ['A', 'S1'],
          ['B', 'P'],
          ['C', 'One'],
          ['D', 50],
        ],
      ];
      yield [
        3,
        [
          ['A', 'S2'],
          ['B', 'P'],
          ['C', 'Two'],
          ['D', 70],
        ],
      ];
      for (let r = 4; r <= 200_000; r++) yield [r, []];
    })();
    const { result } = await importSchedule('formatted.xlsx', rawXlsx(sheetXml(rows)));
    expect(result).toMatchObject({ ok: true, value: { imported: 2, requestedPence: 12_000 } });
  });

  it('names the row and column where a runaway quote opened', async () => {
    const rows = [
      'S1,"Safer Solihull Partnership,One,£50',
      'S2,Safer Solihull Partnership,Two,£70',
      'S3,Safer Solihull Partnership,Three,£90',
    ];
    const never = await importSchedule('open.csv', Buffer.from(HEADER + rows.join('\r\n') + '\r\n'));
    expect(refusal(never.result)).toMatch(/^Row 2, column B: a quote opens this cell and is never closed/);
    rows[1] = 'S2,Safer Solihull Partnership,"Two",£70';
    const late = await importSchedule('late.csv', Buffer.from(HEADER + rows.join('\r\n') + '\r\n'));
    expect(refusal(late.result)).toMatch(
      /^Row 2, column B: a quote opens this cell and closes only 1 line later/,
    );
  });

  it('caps every part of a workbook, not only its sheets: a styles part unpacking to 60 MB', async () => {
    const bomb = { name: 'xl/styles.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20), claimedSize: 1024 };
    const { result } = await importSchedule('styled.xlsx', rawXlsx(sheetXml([[1, [['A', 'Ref']]]]), [bomb]));
    expect(refusal(result)).toMatch(/\(xl\/styles\.xml\) unpacks to more than 40 MB/);
  });

  it('caps every part of a Word document: a styles part unpacking to 60 MB', async () => {
    const { ctx } = testContext();
    const { bidId } = await roundWithOneBid(ctx);
    const started = performance.now();
    const result = await dispatch(
      'bids:importCase',
      { bidId, fileName: 'case.docx', dataBase64: docxWithStylesBomb().toString('base64') },
      ctx,
    );
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(!result.ok && result.error.message).toMatch(/\(word\/styles\.xml\) unpacks to more than 40 MB/);
  });

  it('warns of a Total row that disagrees with its bids, with both figures, on the command line too', async () => {
    const { ctx, file: db } = testContext();
    const { roundId } = await roundWithOneBid(ctx);
    const csv = path.join(tempDir(), 'totals.csv');
    writeFileSync(csv, HEADER + 'S1,Safer Solihull Partnership,One,£100\r\nS2,,Two,£200\r\nTotal,,,£999\r\n');
    const words = `Row 4: Safer Solihull Partnership's "Total" row says £999, but its bids add up to £300`;
    const preview = await dispatch(
      'bids:previewImport',
      { roundId, fileName: 'totals.csv', dataBase64: readFileSync(csv).toString('base64') },
      ctx,
    );
    expect(preview.ok && preview.value.warnings[0]).toContain(words);
    const printed = await cliImport(csv, roundId, db);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`Warning: ${words}`);
    const second = testContext();
    const again = await roundWithOneBid(second.ctx);
    const json = await cliImport(csv, again.roundId, second.file, true);
    expect(JSON.parse(json.stdout)).toMatchObject({
      imported: 2,
      warnings: [expect.stringContaining(words)],
    });
  });
});
