import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { popplerIfInstalled } from '../support/required-tool';
import { TEST_PASSPHRASE, actingAs, tempDir, testContext } from '../support/temp-db';
import { addPerson } from '../support/people';

async function demoContext() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  return { ctx, as: (name: string) => actingAs(ctx, name) };
}

async function demo() {
  return (await demoContext()).as;
}

describe('assessment exports', () => {
  it('round-trips an offline scoring sheet: download, fill in, upload, and the scores count', async () => {
    const { as, ctx } = await demoContext();
    const lead = as('Dan Hughes');
    // The demonstration round as it stood during assessment (it loads at board review).
    ctx.store.rounds.setStage(1, 'assessment', ctx.now());
    // A fresh assessor on the demonstration round, scoring offline.
    await addPerson({ name: 'Olu Offline', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead);
    await dispatch('assessment:assign', { roundId: 1, assessor: 'Olu Offline', bidRefs: ['S1'] }, lead);
    await dispatch('assessment:declare', { roundId: 1, bidRefs: ['S1'], conflict: false }, as('Olu Offline'));
    const sheet = await dispatch('assessment:exportSheet', { roundId: 1 }, as('Olu Offline'));
    expect(sheet).toMatchObject({
      ok: true,
      value: { fileName: expect.stringMatching(/Olu-Offline\.xlsx$/) },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(sheet.ok ? sheet.value.dataBase64 : '', 'base64') as unknown as ArrayBuffer,
    );
    const scores = workbook.getWorksheet('Scores')!;
    let header = 0;
    scores.eachRow((row, n) => {
      if (row.values && (row.values as unknown[]).includes('Justification')) header = n;
    });
    const columns = (scores.getRow(header).values as unknown[]).map(String);
    const at = (name: string) => columns.indexOf(name);
    scores.eachRow((row, n) => {
      if (n <= header || !row.getCell(at('Criterion')).value) return;
      const code = String(row.getCell(at('Criterion')).value);
      row.getCell(at('Score')).value = code === 'G1' ? 1 : 3;
      row.getCell(at('Justification')).value =
        n === header + 3 ? 'too short' : `Offline judgement on ${code} for S1.`;
    });
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await dispatch(
      'assessment:importScores',
      { roundId: 1, fileName: 'filled.xlsx', dataBase64: filled.toString('base64') },
      as('Olu Offline'),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        issues: [{ message: expect.stringMatching(new RegExp(`^Row ${header + 3}: .*justification`)) }],
      },
    });

    scores.getRow(header + 3).getCell(at('Justification')).value = 'Offline judgement, written out in full.';
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(
      await dispatch(
        'assessment:importScores',
        { roundId: 1, fileName: 'filled.xlsx', dataBase64: fixed.toString('base64') },
        as('Olu Offline'),
      ),
    ).toEqual({ ok: true, value: { imported: 7 } });
    const ranking = await dispatch('assessment:ranking', { roundId: 1 }, lead);
    expect(ranking.ok && ranking.value.find((r) => r.ref === 'S1')?.assessorCount).toBe(4);
    expect(
      await dispatch('assessment:exportSheet', { roundId: 1, assessor: 'Asha Patel' }, as('Olu Offline')),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('exports the panel pack as Excel and as a PDF whose text has every bid and the method', async () => {
    const as = await demo();
    expect(
      await dispatch('assessment:panelPack', { roundId: 1, format: 'pdf' }, as('Asha Patel')),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const pdf = await dispatch('assessment:panelPack', { roundId: 1, format: 'pdf' }, as('Frances Doyle'));
    expect(pdf).toMatchObject({ ok: true, value: { mediaType: 'application/pdf' } });
    const bytes = Buffer.from(pdf.ok ? pdf.value.dataBase64 : '', 'base64');
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    const pdftotext = popplerIfInstalled('pdftotext');
    if (pdftotext) {
      const file = path.join(tempDir(), 'pack.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
      for (const ref of ['S1', 'D1', 'C1', 'C2', 'W1', 'W2', 'B1', 'B2', 'SS1', 'SS2', 'SS3', 'SS4', 'SS5'])
        expect(text).toContain(ref);
      expect(text).toContain('£509,260');
      expect(text).toContain('demonstration');
      expect(text).toMatch(/Page 1 of \d+/);
    }
    const xlsx = await dispatch('assessment:panelPack', { roundId: 1, format: 'xlsx' }, as('Dan Hughes'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(xlsx.ok ? xlsx.value.dataBase64 : '', 'base64') as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Ranking', 'Scores', 'Moderation', 'Declarations', 'Framework']),
    );
  });
});
