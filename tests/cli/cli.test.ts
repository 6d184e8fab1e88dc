import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { formatDate, ukCalendarDate } from '../../shared/dates';
import { TEST_KDF, TEST_PASSPHRASE, tempDbFile, tempDir } from '../support/temp-db';

/** Everyone the tests add, like the demonstration's people, has the passphrase "demonstration". */
const PASSPHRASES = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE, TRANCHE_NEW_PASSPHRASE: TEST_PASSPHRASE };

async function cli(args: string[], env: NodeJS.ProcessEnv = PASSPHRASES) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const createArgs = (db: string) => [
  '--db',
  db,
  'rounds',
  'create',
  '--fund',
  'Invest to Save',
  '--name',
  '2013-14 tranche 2',
  '--budget',
  '£350,000',
  '--committed',
  '£30,000',
  '--json',
];

describe('tranche command line', () => {
  it('creates a round and prints it as JSON with money in pence', async () => {
    const db = tempDbFile();
    const { code, stdout } = await cli(createArgs(db));
    expect(code).toBe(0);
    const round = JSON.parse(stdout) as Record<string, unknown>;
    expect(round).toMatchObject({
      id: 1,
      fund: 'Invest to Save',
      name: '2013-14 tranche 2',
      budgetPence: 35_000_000,
      committedPence: 3_000_000,
      availablePence: 32_000_000,
    });

    const listed = await cli(['--db', db, 'rounds', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([round]);
  });

  it('refuses a budget that is not money with exit 2, one line on stderr, and writes nothing', async () => {
    const db = tempDbFile();
    const { code, stdout, stderr } = await cli([
      '--db',
      db,
      'rounds',
      'create',
      '--fund',
      'Invest to Save',
      '--name',
      'x',
      '--budget',
      '£3OO',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('--budget: "£3OO" is not an amount of money');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses what the handlers refuse with exit 2 and leaves the data as it was', async () => {
    const db = tempDbFile();
    await cli(createArgs(db));
    const again = await cli(createArgs(db));
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('tranche: Invest to Save already has a round called "2013-14 tranche 2"');
    const over = await cli([
      '--db',
      db,
      'rounds',
      'create',
      '--fund',
      'F',
      '--name',
      'N',
      '--budget',
      '5',
      '--committed',
      '6',
    ]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('Commitments (£6) cannot be more than the budget (£5)');
    expect(JSON.parse((await cli(['--db', db, 'rounds', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('suggests in rank order by default, says how, and needs --reason for an award away from the ranking', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'demo']);
    // The suggestion reads the ranking: for the panel (lead officers, board members, commissioner).
    const panel = ['--db', db, '--as', 'Frances Doyle'];
    const byRank = await cli([...panel, 'suggest', '--round', '1', '--json']);
    const json = JSON.parse(byRank.stdout) as { method: string; items: { ref: string }[] };
    expect(Object.keys(json)).toEqual(['method', 'allocatedPence', 'items', 'excluded']);
    expect(json.method).toBe('rank');
    expect(json.items.slice(0, 3).map((i) => i.ref)).toEqual(['B2', 'SS4', 'B1']);
    const text = await cli([...panel, 'suggest', '--round', '1']);
    expect(text.stdout).toMatch(/^Bids are funded in rank order/);
    expect(text.stdout).toContain('Left out C2: ranked 6th; its £38,000 does not fit in the £18,240 left');
    const byValue = await cli([...panel, 'suggest', '--round', '1', '--method', 'value', '--json']);
    expect(JSON.parse(byValue.stdout)).toMatchObject({ method: 'value' });
    expect((await cli([...panel, 'suggest', '--round', '1', '--method', 'best'])).code).toBe(2);

    const lead = ['--db', db, '--as', 'Dan Hughes'];
    const refused = await cli([...lead, 'allocate', '--round', '1', '--bid', 'SS2', '--full']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SS2 is below the quality threshold');
    const given = await cli([
      ...lead,
      'allocate',
      '--round',
      '1',
      '--bid',
      'SS2',
      '--full',
      '--reason',
      'The only bid on knife crime',
      '--json',
    ]);
    expect(given.code).toBe(0);
    const ranked = JSON.parse((await cli([...panel, 'rank', '--round', '1', '--json'])).stdout) as {
      ref: string;
      complete: boolean;
      moderationOpen: boolean;
    }[];
    expect(ranked.find((r) => r.ref === 'B1')).toMatchObject({ complete: true, moderationOpen: true });
    expect(ranked.find((r) => r.ref === 'B2')).toMatchObject({ complete: true, moderationOpen: false });
  });

  it('refuses unknown commands, unknown options and missing options with exit 2', async () => {
    const db = tempDbFile();
    expect((await cli(['--db', db, 'rounds', 'frobnicate'])).code).toBe(2);
    const unknown = await cli(['--db', db, 'rounds', 'list', '--colour']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("'--colour'");
    expect(await cli(['--db', db, 'rounds', 'create', '--fund', 'F', '--budget', '5'])).toMatchObject({
      code: 2,
      stderr: 'tranche: --name is required',
    });
    expect(await cli(['--db', db, 'rounds', 'archive', '--round', 'abc'])).toMatchObject({ code: 2 });
    expect((await cli([])).code).toBe(2);
    expect(await cli(['--help'])).toMatchObject({ code: 0 });
  });

  it('uses TRANCHE_DB when no --db is given', async () => {
    const db = tempDbFile();
    expect(
      (
        await cli(['rounds', 'create', '--fund', 'F', '--name', 'N', '--budget', '£1k'], {
          ...PASSPHRASES,
          TRANCHE_DB: db,
        })
      ).code,
    ).toBe(0);
    expect(JSON.parse((await cli(['--db', db, 'rounds', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('exits 1 when the database cannot be opened', async () => {
    const notADb = path.join(tempDir(), 'dir.db');
    mkdirSync(notADb);
    const result = await cli(['--db', notADb, 'rounds', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot open the database');
  });

  it('prints a readable table without --json', async () => {
    const db = tempDbFile();
    await cli(createArgs(db));
    const { stdout } = await cli(['--db', db, 'rounds', 'list']);
    expect(stdout).toMatch(/Invest to Save\s+2013-14 tranche 2\s+£350,000\s+£30,000\s+£320,000/);
  });

  it('runs as `npm run --silent tranche` with the documented exit codes', async () => {
    const db = tempDbFile();
    const run = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'tranche', '--', ...args], {
        encoding: 'utf8',
        cwd: path.resolve(import.meta.dirname, '../..'),
      });
    const created = run(createArgs(db));
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ availablePence: 32_000_000 });
    const refused = run(['--db', db, 'rounds', 'create', '--fund', 'F', '--name', 'N', '--budget', '£3OO']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is not an amount of money');
  });
});

describe('assessment on the command line', () => {
  it('ranks exactly as a hand calculation from `framework show` and the imported scores', async () => {
    const db = tempDbFile();
    const run = async (...args: string[]) => {
      const result = await cli(['--db', db, ...args]);
      if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    };
    await run('people', 'add', '--name', 'Lee Lead', '--role', 'lead officer');
    const lead = ['--as', 'Lee Lead'];
    // Each assessor chooses their passphrase with the code the lead officer was shown for them.
    for (const name of ['Amy', 'Bo']) {
      const added = JSON.parse(
        await run(...lead, 'people', 'add', '--name', name, '--role', 'policy officer', '--json'),
      ) as { enrolmentCode: string };
      await run('people', 'enrol', '--name', name, '--code', added.enrolmentCode);
    }
    await run(...lead, 'rounds', 'create', '--fund', 'Invest to Save', '--name', 'R', '--budget', '£100k');
    const csv = path.join(tempDir(), 'bids.csv');
    writeFileSync(
      csv,
      'Ref,Partnership,Project,Amount\nX1,Walsall,One,£10k\nX2,Dudley,Two,£20k\nX3,Coventry,Three,£5k\n',
    );
    await run(...lead, 'import', 'bids', csv, '--round', '1');
    await run(...lead, 'framework', 'use', '--round', '1', '--template', 'invest-to-save');
    await run(...lead, 'assign', '--round', '1', '--assessor', 'Amy', '--all');
    await run(
      ...lead,
      'assign',
      '--round',
      '1',
      '--assessor',
      'Bo',
      '--bid',
      'X1',
      '--bid',
      'X2',
      '--bid',
      'X3',
    );
    // Bids in, framework chosen, assessors assigned: the lead officer opens assessment, a stage at a time.
    await run(...lead, 'stage', '--round', '1', '--to', 'open');
    expect(JSON.parse(await run(...lead, 'stage', '--round', '1', '--to', 'assessment', '--json'))).toEqual({
      id: 1,
      name: 'R',
      stage: 'assessment',
    });
    await run('--as', 'Amy', 'declare', '--round', '1', '--assessor', 'Amy', '--all', '--none');
    await run('--as', 'Bo', 'declare', '--round', '1', '--assessor', 'Bo', '--all', '--none');

    const framework = JSON.parse(await run('framework', 'show', '--round', '1', '--json')) as {
      scale: { min: number; max: number };
      criteria: { code: string; weight: number; minScore: number | null; gateway: boolean }[];
      threshold: number;
    };
    // Scores chosen so X2 fails the gateway, X3 misses C1's minimum, and X1 ranks first.
    const given: Record<string, Record<string, [number, number]>> = {
      X1: { G1: [1, 1], C1: [4, 5], C2: [3, 4], C3: [3, 3], C4: [4, 2], C5: [2, 3], C6: [5, 4] },
      X2: { G1: [1, 0], C1: [5, 5], C2: [5, 5], C3: [5, 5], C4: [5, 5], C5: [5, 5], C6: [5, 5] },
      X3: { G1: [1, 1], C1: [1, 1], C2: [5, 5], C3: [5, 4], C4: [5, 5], C5: [4, 5], C6: [5, 5] },
    };
    const rows = ['bid,assessor,criterion,score,justification'];
    for (const [ref, byCriterion] of Object.entries(given)) {
      for (const [code, [amy, bo]] of Object.entries(byCriterion)) {
        rows.push(
          `${ref},Amy,${code},${amy},"Scored against the guidance for ${code}."`,
          `${ref},Bo,${code},${bo},"Scored against the guidance for ${code}."`,
        );
      }
    }
    const scores = path.join(tempDir(), 'scores.csv');
    writeFileSync(scores, rows.join('\n'));
    expect(JSON.parse(await run(...lead, 'import', 'scores', scores, '--round', '1', '--json'))).toEqual({
      imported: 42,
    });

    const hand = Object.entries(given).map(([ref, byCriterion]) => {
      let total = 0;
      let failedGateway = false;
      let belowMinimum = false;
      for (const criterion of framework.criteria) {
        const [a, b] = byCriterion[criterion.code]!;
        const mean = (a + b) / 2;
        if (criterion.gateway) failedGateway ||= mean < 1;
        else {
          total +=
            ((mean - framework.scale.min) / (framework.scale.max - framework.scale.min)) * criterion.weight;
          if (criterion.minScore !== null && mean < criterion.minScore) belowMinimum = true;
        }
      }
      return {
        ref,
        weightedScore: Math.round(total * 100) / 100,
        failedGateway,
        belowMinimum,
        belowThreshold: total < framework.threshold,
      };
    });
    const ranked = JSON.parse(await run(...lead, 'rank', '--round', '1', '--json')) as {
      rank: number;
      ref: string;
      weightedScore: number;
      assessorCount: number;
      failedGateway: boolean;
      belowThreshold: boolean;
      belowMinimum: boolean;
    }[];
    for (const expected of hand)
      expect(ranked.find((r) => r.ref === expected.ref)).toMatchObject({ ...expected, assessorCount: 2 });
    expect(ranked.map((r) => r.ref)).toEqual(['X1', 'X2', 'X3']);
    expect(ranked[0]).toMatchObject({ rank: 1, failedGateway: false, belowMinimum: false });
  });

  it('refuses assessment commands to people without the role, with exit 2', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'demo']);
    const refused = await cli([
      '--db',
      db,
      '--as',
      'Ben Clarke',
      'framework',
      'use',
      '--round',
      '1',
      '--template',
      'safer-streets',
    ]);
    expect(refused).toMatchObject({
      code: 2,
      stderr: 'tranche: Only a lead officer can choose a scoring framework; Ben Clarke is a policy officer',
    });
    expect(await cli(['--db', db, '--as', 'Nobody', 'rank', '--round', '1'])).toMatchObject({ code: 2 });
    expect(
      await cli([
        '--db',
        db,
        '--as',
        'Dan Hughes',
        'declare',
        '--round',
        '1',
        '--assessor',
        'Asha Patel',
        '--all',
      ]),
    ).toMatchObject({ code: 2, stderr: 'tranche: Give exactly one of --none or --conflict TEXT' });
  });
});

describe('stages and the rule book on the command line', () => {
  it('gives bids with equal scores an equal rank, "=1" in the table and the same rank in --json', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'demo']);
    const json = await cli(['--db', db, '--as', 'Dan Hughes', 'rank', '--round', '1', '--json']);
    const ranks = (JSON.parse(json.stdout) as { ref: string; rank: number }[]).slice(0, 3);
    expect(ranks.map(({ ref, rank }) => `${rank} ${ref}`)).toEqual(['1 B2', '1 SS4', '3 B1']);
    const text = await cli(['--db', db, '--as', 'Dan Hughes', 'rank', '--round', '1']);
    expect(text.stdout).toMatch(/^ *=1 +B2 /m);
    expect(text.stdout).toMatch(/^ *=1 +SS4 /m);
    expect(text.stdout).toMatch(/^ *3 +B1 /m);
  });

  it('takes a round back to an earlier stage with a reason, kept in its history, until it is signed', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'demo']);
    const as = (name: string, ...args: string[]) => cli(['--db', db, '--as', name, ...args]);
    const back = await as(
      'Dan Hughes',
      'stage',
      '--round',
      '1',
      '--to',
      'assessment',
      '--reason',
      'SS5 was not scored',
      '--json',
    );
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ id: 1, name: '2013-14 tranche 2', stage: 'assessment' });
    expect(await as('Dan Hughes', 'stage', '--round', '1', '--to', 'decision')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('it can move forward only to the next one, board review (board)'),
    });
    const history = await as('Dan Hughes', 'audit', '--round', '1', '--json');
    expect(
      (JSON.parse(history.stdout) as { summary: string }[]).map((e) => e.summary.replace(/ \[.*\]$/, '')),
    ).toContain('Moved the round: to assessment, reason: SS5 was not scored');
  });

  it('moves a round a stage at a time, and refuses with exit 2 and one line what the book refuses', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'demo']);
    const as = (name: string, ...args: string[]) => cli(['--db', db, '--as', name, ...args]);
    expect(await as('Dan Hughes', 'stage', '--round', '1', '--to', 'open')).toMatchObject({
      code: 2,
      stderr:
        'tranche: Round "2013-14 tranche 2" is at the board review stage: give a reason to take it back ' +
        'to open for bids (open); the reason is kept in the round\u2019s history',
    });
    expect(await as('Asha Patel', 'stage', '--round', '1', '--to', 'decision')).toMatchObject({
      code: 2,
      stderr: 'tranche: Only a lead officer can move a round between stages; Asha Patel is a policy officer',
    });
    expect(await as('Asha Patel', 'rank', '--round', '1', '--json')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining(
        'Only a lead officer, board member or commissioner can see the ranking',
      ),
    });
    expect(
      (
        await as(
          'Dan Hughes',
          'allocate',
          '--round',
          '1',
          '--bid',
          'B1',
          '--reduced',
          '--reason',
          'Chosen by the panel',
        )
      ).code,
    ).toBe(0);
    expect((await as('Dan Hughes', 'stage', '--round', '1', '--to', 'decision')).code).toBe(0);
    const signed = await as('Pat Morgan', 'sign', '--round', '1', '--reason', 'The board agreed');
    expect(signed.code).toBe(0);
    // The date in words, en-GB, as every date the office reads ("6 December 2026").
    expect(signed.stdout).toContain(
      `signed by Pat Morgan on ${formatDate(ukCalendarDate(new Date().toISOString()))}.`,
    );
    const before = (await as('Dan Hughes', 'allocation', '--round', '1', '--json')).stdout;
    const refused = await as('Dan Hughes', 'allocate', '--round', '1', '--bid', 'C1', '--full');
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(
      `signed on ${formatDate(ukCalendarDate(new Date().toISOString()))}: nobody can allocate money now`,
    );
    expect((await as('Dan Hughes', 'allocation', '--round', '1', '--json')).stdout).toBe(before);
    expect(
      await as(
        'Dan Hughes',
        'moderate',
        '--round',
        '1',
        '--bid',
        'B1',
        '--criterion',
        'C3',
        '--score',
        '5',
        '--reason',
        'x',
      ),
    ).toMatchObject({ code: 2 });
    expect(await as('Dan Hughes', 'stage', '--round', '1', '--to', 'nowhere')).toMatchObject({
      code: 2,
      stderr: 'tranche: --to must be one of setup, open, assessment, board, decision, not "nowhere"',
    });
  });
});
