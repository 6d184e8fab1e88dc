// kill -9 trials: command-line processes importing bids, allocating and signing are killed with
// SIGKILL at random moments; after each, the database must pass integrity_check, its audit chain
// must verify, and the operation must be wholly there or wholly absent.
// Usage: npm run crash-trials -- [--count 100] [--seed N]
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyDatabase } from '../../db/audit/verify';
import { integrityProblems } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext } from '../../electron/handlers/context';
import { unlockPerson } from '../../electron/handlers/identity';
import { DEMO_PASSPHRASE } from '../../shared/people';
import { dispatch } from '../../electron/handlers/dispatch';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IMPORTED_BIDS = 300;

type Kind = 'import' | 'allocate' | 'sign';
const KINDS: Kind[] = ['import', 'allocate', 'sign'];

export interface TrialFigures {
  trials: number;
  byKind: Record<Kind, { trials: number; killed: number; landed: number; absent: number }>;
  /** Runs where the start after the kill sealed changes a killed process left unrecorded. */
  recoveredAtStart: number;
  failures: string[];
  /** Milliseconds from opening the database to exiting, for a run left alone. */
  calibration: Record<Kind, number>;
}

interface Setup {
  folder: string;
  base: string;
  schedule: string;
  importRound: number;
}

async function prepare(): Promise<Setup> {
  const folder = mkdtempSync(path.join(tmpdir(), 'tranche-crash-'));
  const base = path.join(folder, 'base.db');
  const connection = openDatabase(base, { migrationsFolder: MIGRATIONS_FOLDER });
  const ctx = createContext(createStore(connection), 'crash-trials');
  const lead = createContext(ctx.store, 'crash-trials', ctx.now);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  must(await dispatch('demo:load', {}, ctx));
  await unlockPerson(lead, ctx.store.people.findByName('Dan Hughes')!, DEMO_PASSPHRASE, { remember: false });
  for (const [ref, option] of [
    ['B1', 'reduced'],
    ['C1', 'full'],
  ] as const)
    must(
      await dispatch(
        'allocation:set',
        { roundId: 1, bidRef: ref, option, conditions: '', reason: 'Chosen by the panel' },
        lead,
      ),
    );
  // Signing needs the decision stage; allocating is allowed there too.
  must(await dispatch('rounds:setStage', { roundId: 1, to: 'decision' }, lead));
  const round = must(
    await dispatch(
      'rounds:create',
      {
        fund: 'Crash trials',
        name: 'Imports',
        budgetPence: 100_000_000,
        commitments: [],
        financialYear: null,
      },
      lead,
    ),
  );
  connection.close();
  const schedule = path.join(folder, 'schedule.csv');
  const rows = Array.from(
    { length: IMPORTED_BIDS },
    (_, i) => `X${i + 1},Safer Solihull Partnership,Trial project ${i + 1},"£${(i % 50) + 1},000"`,
  );
  writeFileSync(schedule, ['Ref,Partnership,Project title,Amount Requested', ...rows].join('\n'));
  return { folder, base, schedule, importRound: round.id };
}

function commandFor(kind: Kind, setup: Setup, db: string): string[] {
  const common = ['--db', db];
  if (kind === 'import')
    return [
      ...common,
      '--as',
      'Dan Hughes',
      'import',
      'bids',
      setup.schedule,
      '--round',
      String(setup.importRound),
    ];
  if (kind === 'allocate')
    return [
      ...common,
      '--as',
      'Dan Hughes',
      'allocate',
      '--round',
      '1',
      '--bid',
      'S1',
      '--full',
      '--reason',
      'Chosen by the panel',
    ];
  return [...common, '--as', 'Pat Morgan', 'sign', '--round', '1', '--reason', 'The board agreed'];
}

interface Run {
  killed: boolean;
  code: number | null;
  /** From spawning to exit, and to the moment the database was opened (its WAL file appeared). */
  ms: number;
  openedAt: number | null;
}

/**
 * Runs the command line on `db`. With `killAfterOpen`, kills it with SIGKILL that many ms after it
 * opens the database (the base copy has no WAL file; opening creates one), unless it exits first.
 */
function runCli(args: string[], db: string, killAfterOpen: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args],
      // Every demonstration person's passphrase (the commands act --as them).
      { cwd: ROOT, stdio: 'ignore', env: { ...process.env, TRANCHE_PASSPHRASE: DEMO_PASSPHRASE } },
    );
    let killed = false;
    let openedAt: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    const watch = setInterval(() => {
      if (openedAt !== null || !existsSync(`${db}-wal`)) return;
      openedAt = performance.now() - started;
      if (killAfterOpen !== null)
        timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterOpen);
    }, 1);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(watch);
      clearTimeout(timer);
      resolve({ killed: killed && code === null, code, ms: performance.now() - started, openedAt });
    });
  });
}

/** Whether the operation's effect is wholly there (true), wholly absent (false), or neither (a message). */
function outcome(kind: Kind, db: Database.Database, setup: Setup): boolean | string {
  if (kind === 'import') {
    const n = db
      .prepare('SELECT count(*) FROM bids WHERE round_id = ?')
      .pluck()
      .get(setup.importRound) as number;
    return n === IMPORTED_BIDS ? true : n === 0 ? false : `${n} of ${IMPORTED_BIDS} bids imported`;
  }
  if (kind === 'allocate') {
    const item = db
      .prepare(
        'SELECT a.amount_pence AS amount, b.requested_pence AS requested FROM allocation_items a ' +
          "JOIN bids b ON b.id = a.bid_id WHERE a.round_id = 1 AND b.ref = 'S1'",
      )
      .get() as { amount: number; requested: number } | undefined;
    if (!item) return false;
    return item.amount === item.requested ? true : `S1 allocated ${item.amount} of ${item.requested}`;
  }
  const notice = db
    .prepare('SELECT status, content, fingerprint FROM notices WHERE round_id = 1 ORDER BY id DESC LIMIT 1')
    .get() as { status: string; content: string | null; fingerprint: string | null } | undefined;
  if (!notice || notice.status !== 'signed')
    return notice?.content ? 'an unsigned notice holds frozen content' : false;
  return notice.content && notice.fingerprint ? true : 'a signed notice without its content or fingerprint';
}

/** The audit entry for the operation, when its effect landed. */
function entryFor(kind: Kind, db: Database.Database): number {
  const operation = { import: 'bids:import', allocate: 'allocation:set', sign: 'notices:sign' }[kind];
  return db
    .prepare("SELECT count(*) FROM audit_entries WHERE operation IN (?, 'audit:recovered')")
    .pluck()
    .get(operation) as number;
}

export async function runCrashTrials(
  count: number,
  log = (_line: string) => {},
  seed = Date.now(),
): Promise<TrialFigures> {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: a repeatable sequence for a given --seed
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const setup = await prepare();
  const figures: TrialFigures = {
    trials: 0,
    byKind: Object.fromEntries(
      KINDS.map((k) => [k, { trials: 0, killed: 0, landed: 0, absent: 0 }]),
    ) as TrialFigures['byKind'],
    recoveredAtStart: 0,
    failures: [],
    calibration: { import: 0, allocate: 0, sign: 0 },
  };
  try {
    for (const kind of KINDS) {
      const db = path.join(setup.folder, `calibrate-${kind}.db`);
      copyFileSync(setup.base, db);
      const run = await runCli(commandFor(kind, setup, db), db, null);
      if (run.code !== 0) throw new Error(`${kind} did not complete when left alone (exit ${run.code})`);
      // The window that matters: from opening the database to exiting.
      figures.calibration[kind] = Math.round(run.ms - (run.openedAt ?? 0));
    }
    log(`from opening the database to exit, left alone (ms): ${JSON.stringify(figures.calibration)}`);
    for (let trial = 1; trial <= count; trial++) {
      const kind = KINDS[Math.floor(random() * KINDS.length)] as Kind;
      const folder = path.join(setup.folder, `trial-${trial}`);
      const db = path.join(folder, 'tranche.db');
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder);
      copyFileSync(setup.base, db);
      // Anywhere from opening the database to a little after a run left alone would have exited.
      const killAfter = Math.round(figures.calibration[kind] * 1.1 * random());
      const run = await runCli(commandFor(kind, setup, db), db, killAfter);
      const tally = figures.byKind[kind];
      tally.trials++;
      figures.trials++;
      if (run.killed) tally.killed++;
      const problems = checkAfter(kind, db, setup, figures, tally);
      for (const p of problems)
        figures.failures.push(`trial ${trial} (${kind}, killed ${killAfter} ms after opening): ${p}`);
      log(
        `trial ${trial}: ${kind}, ` +
          (run.killed ? `killed ${killAfter} ms after opening` : `finished (exit ${run.code})`) +
          (problems.length ? ` — ${problems.join('; ')}` : ''),
      );
      if (problems.length === 0) rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    if (figures.failures.length === 0) rmSync(setup.folder, { recursive: true, force: true });
  }
  return figures;
}

function checkAfter(
  kind: Kind,
  file: string,
  setup: Setup,
  figures: TrialFigures,
  tally: TrialFigures['byKind'][Kind],
): string[] {
  const problems: string[] = [];
  const raw = new Database(file);
  try {
    problems.push(...integrityProblems(raw));
  } finally {
    raw.close();
  }
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  try {
    if (connection.health.notes.some((n) => /interrupted run/.test(n))) figures.recoveredAtStart++;
    problems.push(...verifyDatabase(connection).problems);
    const result = outcome(kind, connection.sqlite, setup);
    if (typeof result === 'string') problems.push(`half-written: ${result}`);
    else if (result) {
      tally.landed++;
      if (entryFor(kind, connection.sqlite) === 0) problems.push('the change landed with no audit entry');
    } else tally.absent++;
  } finally {
    connection.close();
  }
  return problems;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { count: { type: 'string' }, seed: { type: 'string' } } });
  const count = Number(values.count ?? 100);
  const seed = values.seed ? Number(values.seed) : Date.now();
  console.log(`kill -9 trials: ${count}, seed ${seed}`);
  const figures = await runCrashTrials(count, (line) => console.log(line), seed);
  console.log(JSON.stringify(figures, null, 2));
  process.exitCode = figures.failures.length === 0 ? 0 : 1;
}
