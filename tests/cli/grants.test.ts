import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { signedRound } from '../support/grants';
import { TEST_KDF, TEST_PASSPHRASE, tempDir } from '../support/temp-db';

// The delivery commands as other tools will call them: names, options and JSON fields as the issue
// gives them, exit 2 with one line on stderr for a refusal.

async function cli(db: string, as: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--as', as, ...args], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { TRANCHE_PASSPHRASE: TEST_PASSPHRASE },
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('grants on the command line', () => {
  it('lists grants, records due diligence and claims, and keeps recording and approving apart', async () => {
    // Signed on 1 May 2026, so that the quarter to June is over whenever this runs.
    const office = await signedRound('2026-05-01');
    office.connection.close();
    const db = office.file;
    const list = await cli(db, 'Dan Hughes', [
      'grants',
      'list',
      '--round',
      '1',
      '--as-of',
      '2026-08-05',
      '--json',
    ]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      {
        ref: 'S1',
        partnership: 'Safer Solihull Partnership',
        awardedPence: 5_000_000,
        paidPence: 0,
        remainingPence: 5_000_000,
        status: 'agreement_drafted',
        nextReturnDue: '2026-08-01',
        overdue: [{ kind: 'return', dueOn: '2026-08-01' }],
      },
      expect.objectContaining({ ref: 'D1', awardedPence: 4_000_000 }),
    ]);
    const claim = [
      'claims',
      'add',
      '--round',
      '1',
      '--bid',
      'S1',
      '--amount',
      '£10,000',
      '--period',
      '2026-27-Q1',
    ];
    const early = await cli(db, 'Asha Patel', [...claim, '--json']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^tranche: Due diligence on grant S1 is not complete/);
    expect(early.stderr.split('\n')).toHaveLength(1);
    const diligence = await cli(db, 'Asha Patel', [
      'grants',
      'diligence',
      '--round',
      '1',
      '--bid',
      'S1',
      '--bank-confirmed',
      '--accountable-body',
      'Solihull Council',
      '--fraud-risk',
      'low',
      '--reason',
      'Audited council accounts',
      '--json',
    ]);
    expect(diligence.code).toBe(0);
    expect(JSON.parse(diligence.stdout)).toMatchObject({ ref: 'S1', diligenceComplete: true });
    const added = await cli(db, 'Dan Hughes', [...claim, '--json']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ id: 1, status: 'recorded' });
    for (const party of ['recipient', 'office'])
      expect(
        (
          await cli(db, 'Dan Hughes', [
            'grants',
            'sign',
            '--round',
            '1',
            '--bid',
            'S1',
            '--party',
            party,
            '--signatory',
            'Jo Bloggs',
          ])
        ).code,
      ).toBe(0);
    const own = await cli(db, 'Dan Hughes', ['claims', 'approve', '--round', '1', '--claim', '1', '--json']);
    expect([own.code, own.stderr]).toEqual([
      2,
      'tranche: Dan Hughes recorded claim 1, so cannot approve it: payment needs a second person ' +
        '(another lead officer or the commissioner)',
    ]);
    const approved = await cli(db, 'Pat Morgan', [
      'claims',
      'approve',
      '--round',
      '1',
      '--claim',
      '1',
      '--json',
    ]);
    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toEqual({ id: 1, status: 'paid' });

    const dir = tempDir();
    const docx = path.join(dir, 'S1.docx');
    const agreement = await cli(db, 'Asha Patel', [
      'grants',
      'agreement',
      '--round',
      '1',
      '--bid',
      'S1',
      '--out',
      docx,
    ]);
    expect([agreement.code, agreement.stdout]).toEqual([0, `Wrote ${docx}`]);
    const xlsx = path.join(dir, 'return.xlsx');
    expect(
      (await cli(db, 'Asha Patel', ['returns', 'template', '--round', '1', '--bid', 'S1', '--out', xlsx]))
        .code,
    ).toBe(0);
    // The template back unfilled: every blank answer is named, and nothing is imported.
    const blank = await cli(db, 'Asha Patel', ['returns', 'import', xlsx, '--round', '1', '--json']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/B6 \(Spend to date \(£\)\): .*B7 \(Outputs\): this cannot be left blank/);
    const notXlsx = path.join(dir, 'return.pdf');
    writeFileSync(notXlsx, 'not a workbook');
    expect((await cli(db, 'Asha Patel', ['returns', 'import', notXlsx, '--round', '1'])).code).toBe(2);

    const report = await cli(db, 'Frances Doyle', [
      'report',
      'delivery',
      '--round',
      '1',
      '--as-of',
      '2026-08-05',
      '--json',
    ]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({
      asOf: '2026-08-05',
      totals: { awardedPence: 9_000_000, paidPence: 1_000_000, remainingPence: 8_000_000, overdue: 2 },
    });
    const out = path.join(dir, 'delivery.xlsx');
    expect((await cli(db, 'Frances Doyle', ['report', 'delivery', '--round', '1', '--out', out])).code).toBe(
      0,
    );
  });

  it('refuses a variation above the threshold and a clawback above what was paid, one line each', async () => {
    const office = await signedRound('2026-05-01');
    office.connection.close();
    const db = office.file;
    const grant = ['--round', '1', '--bid', 'S1'];
    const vary = await cli(db, 'Dan Hughes', [
      'grants',
      'vary',
      ...grant,
      '--amount',
      '£51,000',
      '--reason',
      'More',
    ]);
    expect([vary.code, vary.stderr]).toEqual([
      2,
      "tranche: A variation of £1,000 to grant S1 is above the office's threshold of £0: it needs a new signed " +
        'decision. Draft a superseding notice (notice supersede --round 1), change the allocation and have it signed',
    ]);
    // The schedule parts from the award after a variation: `grants show` gives the handler's figures.
    const lead = (...args: string[]) => cli(db, 'Dan Hughes', args);
    expect((await lead('grants', 'schedule', ...grant, '--year', '2026-27=£50,000')).code).toBe(0);
    expect((await lead('grants', 'threshold', '--amount', '£2,500')).code).toBe(0);
    expect((await lead('grants', 'vary', ...grant, '--amount', '£52,000', '--reason', 'More')).code).toBe(0);
    const shown = await lead('grants', 'show', ...grant);
    expect(shown.stdout).toContain(
      'Payment schedule: adds up to £50,000 but the award is now £52,000; set the schedule again',
    );
    const json = await lead('grants', 'show', ...grant, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      scheduleTotal: { scheduledPence: 5_000_000, awardedPence: 5_200_000, addsUp: false },
    });
    const close = await cli(db, 'Dan Hughes', [
      'grants',
      'close',
      ...grant,
      '--final-report',
      'Done',
      '--clawback',
      '£1',
    ]);
    expect([close.code, close.stderr]).toEqual([
      2,
      'tranche: Only £0 has been paid on grant S1: £1 cannot be clawed back',
    ]);
  });
});
