import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedRound } from '../support/grants';
import { cli, hashOf } from '../support/pack-cli';
import { TEST_PASSPHRASE, tempDir } from '../support/temp-db';

// A delivery pack's round trip on the command line: the office sends a signed round's grants to a
// monitoring officer; on their laptop they record due diligence and claims under the office's rules;
// the office receives the signed return, all or nothing, each refused item named in one line.

const ASHA = 'asha visits the projects';

type Run = Promise<{ code: number; stdout: string; stderr: string }>;
async function json<T>(run: Run): Promise<T> {
  const outcome = await run;
  expect(outcome.code, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout) as T;
}

describe('a delivery pack on the command line', () => {
  it('carries an officer’s diligence and claims to the office, refusing a return its rules refuse', async () => {
    // Signed on 1 May 2026: the quarter to June is over whenever this runs.
    const signed = await signedRound('2026-05-01');
    signed.connection.close();
    const office = signed.file;
    const laptopDir = tempDir('tranche-delivery-');
    const laptop = path.join(laptopDir, 'tranche.db');
    const atOffice = (...args: string[]) =>
      cli(['--db', office, '--as', 'Dan Hughes', ...args], { TRANCHE_PASSPHRASE: TEST_PASSPHRASE });
    const onLaptop = (...args: string[]) => cli(['--db', laptop, ...args], { TRANCHE_PASSPHRASE: ASHA });

    const packFile = path.join(laptopDir, 'delivery.tranche');
    const made = await json<{ file: string; to: { name: string }; enrolmentCode: string }>(
      atOffice('pack', 'delivery', '--round', '1', '--officer', 'Asha Patel', '--out', packFile, '--json'),
    );
    expect(made).toMatchObject({ file: packFile, to: { name: 'Asha Patel' } });
    const opened = await json<{ kind: string; roundId: number }>(
      cli(['--db', laptop, 'pack', 'open', packFile, '--enrolment-code', made.enrolmentCode, '--json'], {
        TRANCHE_NEW_PASSPHRASE: ASHA,
      }),
    );
    expect(opened.kind).toBe('delivery');
    const copy = String(opened.roundId);

    const grants = await json<{ ref: string; remainingPence: number }[]>(
      onLaptop('grants', 'list', '--round', copy, '--json'),
    );
    expect(grants.map((g) => [g.ref, g.remainingPence])).toEqual([
      ['S1', 5_000_000],
      ['D1', 4_000_000],
    ]);
    for (const bid of ['S1', 'D1'])
      await json(
        onLaptop(
          'grants',
          'diligence',
          '--round',
          copy,
          '--bid',
          bid,
          '--bank-confirmed',
          '--accountable-body',
          'The council',
          '--fraud-risk',
          'low',
          '--reason',
          'Seen on the visit',
          '--json',
        ),
      );
    const claim = (bid: string, amount: string) =>
      onLaptop(
        'claims',
        'add',
        '--round',
        copy,
        '--bid',
        bid,
        '--amount',
        amount,
        '--period',
        '2026-27-Q1',
        '--json',
      );
    expect(await json(claim('S1', '£10,000'))).toEqual({ id: 1, status: 'recorded' });
    // The copy keeps the office's rules: no over-claim there either, and no paying.
    const over = await claim('S1', '£45,000');
    expect([over.code, over.stderr.split('\n').length]).toEqual([2, 1]);
    expect(over.stderr).toMatch(/^tranche: £45,000 is more than what remains of grant S1: £40,000/);
    const pay = await onLaptop('claims', 'approve', '--round', copy, '--claim', '1');
    expect(pay.code).toBe(2);

    const back = path.join(laptopDir, 'return.tranche');
    expect((await onLaptop('pack', 'return', '--round', copy, '--out', back)).code).toBe(0);
    const received = await json<{ of: string; from: { name: string }; added: number; conflicts: unknown[] }>(
      atOffice('pack', 'receive', back, '--json'),
    );
    expect(received).toMatchObject({ of: 'delivery', from: { name: 'Asha Patel' }, added: 3, conflicts: [] });
    const s1 = await json<{ claims: { recordedBy: string; status: string }[]; diligence: { by: string } }>(
      atOffice('grants', 'show', '--round', '1', '--bid', 'S1', '--json'),
    );
    expect(s1.diligence.by).toBe('Asha Patel');
    expect(s1.claims).toEqual([expect.objectContaining({ recordedBy: 'Asha Patel', status: 'recorded' })]);

    // The office sets D1's money per year; Asha, not knowing, claims more than this year's share.
    expect(
      (
        await atOffice(
          'grants',
          'schedule',
          '--round',
          '1',
          '--bid',
          'D1',
          '--year',
          '2026-27=£5,000',
          '--year',
          '2027-28=£35,000',
        )
      ).code,
    ).toBe(0);
    expect(await json(claim('D1', '£8,000'))).toMatchObject({ status: 'recorded' });
    const second = path.join(laptopDir, 'return-2.tranche');
    expect((await onLaptop('pack', 'return', '--round', copy, '--out', second)).code).toBe(0);
    const before = hashOf(office);
    const refused = await atOffice('pack', 'receive', second);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')).toHaveLength(1);
    expect(refused.stderr).toBe(
      'tranche: The delivery return from Asha Patel was not received, and nothing was changed: 1 of its items ' +
        "is refused. D1 claim for 2026-27-Q1 (£8,000): £8,000 is more than the £5,000 left of 2026-27's £5,000: " +
        'money cannot be carried over between financial years',
    );
    expect(hashOf(office)).toBe(before);
  });
});
