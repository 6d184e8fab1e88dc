import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hashOf } from '../support/pack-cli';
import { TEST_PASSPHRASE, tempDir } from '../support/temp-db';

// A board pack's round trip: the office sends the shortlist to a board member; on their own laptop
// they see the ranking and shortlist exactly as the office does, record views and comments
// offline (nothing else), and return them; the office merges them, once.

const FRANCES = 'frances reads on sunday';

type Run = Promise<{ code: number; stdout: string; stderr: string }>;
async function json<T>(run: Run): Promise<T> {
  const outcome = await run;
  expect(outcome.code, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout) as T;
}

interface BoardBid {
  rank: number | null;
  ref: string;
  weightedScore: number | null;
  requestedPence: number;
  recommendedPence: number | null;
  views: { person: string; view: string; comment: string }[];
}
const comparable = (bids: BoardBid[]) =>
  bids.map(({ rank, ref, weightedScore, requestedPence, recommendedPence }) => ({
    rank,
    ref,
    weightedScore,
    requestedPence,
    recommendedPence,
  }));

describe('a board pack on the command line', () => {
  it("carries the shortlist to a board member's laptop and their views back", async () => {
    const officeDir = tempDir('tranche-office-');
    const memberDir = tempDir('tranche-board-');
    const office = path.join(officeDir, 'tranche.db');
    const member = path.join(memberDir, 'tranche.db');
    const env = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE, TRANCHE_NEW_PASSPHRASE: 'office copy of a key' };
    const atOffice = (...args: string[]) => cli(['--db', office, '--as', 'Dan Hughes', ...args], env);
    const onLaptop = (...args: string[]) => cli(['--db', member, ...args], { TRANCHE_PASSPHRASE: FRANCES });

    // The demonstration's 2013 round waits at board review, assessed.
    expect((await cli(['--db', office, 'demo'])).code).toBe(0);
    expect(
      (await atOffice('pack', 'board', '--round', '1', '--member', 'Pat Morgan', '--out', 'x')).stderr,
    ).toContain('this pack goes to a board member');
    const packFile = path.join(officeDir, 'frances.tranche');
    const made = await json<{ enrolmentCode: string; to: { name: string } }>(
      atOffice('pack', 'board', '--round', '1', '--member', 'Frances Doyle', '--out', packFile, '--json'),
    );
    expect(made.to.name).toBe('Frances Doyle');

    const opened = await json<{ kind: string; roundId: number }>(
      cli(['--db', member, 'pack', 'open', packFile, '--enrolment-code', made.enrolmentCode, '--json'], {
        TRANCHE_NEW_PASSPHRASE: FRANCES,
      }),
    );
    expect(opened.kind).toBe('board');
    const copy = String(opened.roundId);

    // The same ranking and shortlist as at the office, computed on the copy from the same rows.
    const officeBoard = await json<BoardBid[]>(atOffice('board', 'show', '--round', '1', '--json'));
    const laptopBoard = await json<BoardBid[]>(onLaptop('board', 'show', '--round', copy, '--json'));
    expect(officeBoard.length).toBeGreaterThan(0);
    expect(comparable(laptopBoard)).toEqual(comparable(officeBoard));
    const officeRanking = await json<{ ref: string; rank: number; weightedScore: number }[]>(
      atOffice('rank', '--round', '1', '--json'),
    );
    const laptopRanking = await json<{ ref: string; rank: number; weightedScore: number }[]>(
      onLaptop('rank', '--round', copy, '--json'),
    );
    expect(laptopRanking.map((r) => [r.ref, r.rank, r.weightedScore])).toEqual(
      officeRanking.map((r) => [r.ref, r.rank, r.weightedScore]),
    );

    // Only her own views can be written there.
    const [top, second] = officeBoard as [BoardBid, BoardBid];
    expect(await onLaptop('allocate', '--round', copy, '--bid', top.ref, '--none')).toMatchObject({
      code: 2,
    });
    expect(
      (
        await onLaptop(
          'board',
          'view',
          '--round',
          copy,
          '--bid',
          top.ref,
          '--view',
          'support',
          '--comment',
          'Good value',
        )
      ).code,
    ).toBe(0);
    const firstReturn = path.join(memberDir, 'return-1.tranche');
    expect((await onLaptop('pack', 'return', '--round', copy, '--out', firstReturn)).code).toBe(0);
    expect(
      (
        await onLaptop(
          'board',
          'view',
          '--round',
          copy,
          '--bid',
          second.ref,
          '--view',
          'support_with_conditions',
          '--comment',
          'Only with match funding',
        )
      ).code,
    ).toBe(0);
    const secondReturn = path.join(memberDir, 'return-2.tranche');
    expect((await onLaptop('pack', 'return', '--round', copy, '--out', secondReturn)).code).toBe(0);

    // Meanwhile, at the office, Frances gives a later view of the second bid there.
    expect(
      (
        await cli(
          [
            '--db',
            office,
            '--as',
            'Frances Doyle',
            'board',
            'view',
            '--round',
            '1',
            '--bid',
            second.ref,
            '--view',
            'do_not_support',
          ],
          env,
        )
      ).code,
    ).toBe(0);

    // The office receives the newer return: her view of the first bid is added; the office's later
    // view of the second is kept and the difference listed.
    const received = await json<{
      added: number;
      unchanged: number;
      conflicts: { ref: string; message: string }[];
    }>(atOffice('pack', 'receive', secondReturn, '--json'));
    expect(received.added).toBe(1);
    expect(received.conflicts).toEqual([
      expect.objectContaining({
        ref: second.ref,
        message: expect.stringContaining("kept Frances Doyle's view"),
      }),
    ]);
    const after = await json<BoardBid[]>(atOffice('board', 'show', '--round', '1', '--json'));
    const viewsOf = (ref: string) =>
      after.find((b) => b.ref === ref)!.views.filter((v) => v.person === 'Frances Doyle');
    expect(viewsOf(top.ref)).toEqual([expect.objectContaining({ view: 'support', comment: 'Good value' })]);
    expect(viewsOf(second.ref)).toEqual([expect.objectContaining({ view: 'do_not_support' })]);

    // The same return again changes nothing; the older one after it is refused with the reason.
    const merged = hashOf(office, { withoutAudit: true });
    const again = await json<{ added: number; unchanged: number }>(
      atOffice('pack', 'receive', secondReturn, '--json'),
    );
    expect(again.added).toBe(0);
    expect(hashOf(office, { withoutAudit: true })).toBe(merged);
    const older = await atOffice('pack', 'receive', firstReturn);
    expect(older.code).toBe(2);
    expect(older.stderr).toMatch(
      /older than the return already received from Frances Doyle on .+ \(UTC\); nothing was changed/,
    );
    expect(hashOf(office, { withoutAudit: true })).toBe(merged);
  }, 180_000);
});
