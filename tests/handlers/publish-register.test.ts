import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

// The register of crime and disorder reduction grants (Specified Information Order 2011, art. 3(f)).

async function signedRound() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  const lead = actingAs(ctx, 'Dan Hughes');
  for (const [ref, crime] of [
    ['B2', 'Support for victims of domestic abuse, "early", cuts repeat offending'],
    ['B1', ''],
  ] as const) {
    const set = await dispatch(
      'allocation:set',
      {
        roundId: 1,
        bidRef: ref,
        option: 'reduced',
        conditions: ref === 'B2' ? 'Quarterly reports to the board\nPaid in arrears' : '',
        crimeReduction: crime,
        reason: 'The board asked for the Birmingham projects first',
      },
      lead,
    );
    if (!set.ok) throw new Error(set.error.message);
  }
  await moveRoundTo(lead, 1, 'decision');
  const signed = await dispatch(
    'notices:sign',
    { roundId: 1, readinessReason: 'The board agreed to go ahead' },
    actingAs(ctx, 'Pat Morgan'),
  );
  if (!signed.ok) throw new Error(signed.error.message);
  return { ctx, lead, number: signed.value.number, on: signed.value.signedOn ?? '' };
}

describe('publish register', () => {
  it('gives one CSV row per award signed in the period, with the reasons it will reduce crime', async () => {
    const { lead, number, on } = await signedRound();
    const file = await dispatch('publish:register', { from: on, to: on, format: 'csv' }, lead);
    if (!file.ok) throw new Error(file.error.message);
    const text = Buffer.from(file.value.dataBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Decision number,Decision date,Recipient,Amount (£),Conditions,Purpose,' +
        'Reasons it will reduce crime and disorder,Fund,Round',
    );
    expect(lines).toHaveLength(1 + 2);
    const b2 = lines.find((l) => l.includes('Domestic Abuse')) ?? '';
    expect(b2).toContain(`${number},${on},Birmingham Community Safety Partnership,75000.00,`);
    expect(b2).toContain('"Quarterly reports to the board\nPaid in arrears"');
    expect(b2).toContain('"Support for victims of domestic abuse, ""early"", cuts repeat offending"');
    expect(lines.find((l) => l.includes('90000.00'))).toContain('Not recorded');

    const before = await dispatch(
      'publish:register',
      { from: '2013-10-01', to: '2013-10-31', format: 'csv' },
      lead,
    );
    const empty = Buffer.from(before.ok ? before.value.dataBase64 : '', 'base64').toString('utf8');
    expect(empty.trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('writes the same rows as a workbook, and refuses a period that ends before it starts', async () => {
    const { lead, on } = await signedRound();
    const file = await dispatch('publish:register', { from: on, to: on, format: 'xlsx' }, lead);
    if (!file.ok) throw new Error(file.error.message);
    const Excel = (await import('exceljs')).default;
    const book = new Excel.Workbook();
    await book.xlsx.load(Buffer.from(file.value.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Grants register');
    expect(sheet?.getRow(2).getCell(7).value).toBe('Reasons it will reduce crime and disorder');
    expect(sheet?.rowCount).toBe(4);
    const bad = await dispatch(
      'publish:register',
      { from: '2013-11-30', to: '2013-11-01', format: 'csv' },
      lead,
    );
    expect(bad.ok || bad.error.message).toMatch(/must not end before it starts/);
    const notADate = await dispatch(
      'publish:register',
      { from: '2013-02-30', to: '2013-11-01', format: 'csv' },
      lead,
    );
    expect(notADate.ok || notADate.error.message).toMatch(/--from must be a real date/);
  });
});
