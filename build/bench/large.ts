// The 20,000-bid figures of `npm run bench`: each command run as a user runs it (the bundled
// command line, one process each), timed with its peak memory (maxRSS of the child, from
// /usr/bin/time or, without it, the child's own report). The score import is set beside a raw
// insert of the same rows in one transaction (csv-parse + prepared INSERTs), in the same run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import { ASSESSORS, BENCH_PASSPHRASE, asLead, makeScoredRound, scoresCsv } from './scored-round';

export interface LargeFigure {
  command: string;
  ms: number;
  peakMiB: number | null;
  /** User and system CPU seconds of the process: what load from other work changes least. */
  cpuSeconds: number | null;
  status: number | null;
  note: string;
}

// BENCH_CLI=path/to/main.mjs measures another build (an older one, to compare before and after).
const bundle = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/main.mjs');
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface CliRun {
  ms: number;
  peakMiB: number | null;
  cpuSeconds: number | null;
  status: number | null;
  err: string;
}

function cli(db: string, args: string[]): CliRun {
  const argv = [bundle, '--db', db, '--as', 'Lee Lead', ...args];
  const started = performance.now();
  const run = timeTool
    ? spawnSync(timeTool, ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, ...argv], {
        encoding: 'utf8',
        env: { ...process.env, TRANCHE_PASSPHRASE: BENCH_PASSPHRASE },
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, argv, {
        encoding: 'utf8',
        env: { ...process.env, TRANCHE_PASSPHRASE: BENCH_PASSPHRASE },
        maxBuffer: 1 << 30,
      });
  const ms = performance.now() - started;
  const rss = /maxrss=(\d+) cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? '');
  const err = (run.stderr ?? '').replace(/maxrss=\d+ cpu=\S+\s*/, '').trim();
  return {
    ms,
    peakMiB: rss ? Number(rss[1]) / 1024 : null,
    cpuSeconds: rss ? Number(rss[2]) + Number(rss[3]) : null,
    status: run.status,
    err,
  };
}

/** Inserts the file's rows as the import would, with nothing but csv-parse and prepared statements. */
function rawScoreInsert(db: string, csv: Buffer): number {
  const started = performance.now();
  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const records = parse(csv, { from_line: 2 }) as string[][];
  const bidIds = new Map(
    (sqlite.prepare('SELECT ref, id FROM bids').all() as { ref: string; id: number }[]).map((b) => [
      b.ref,
      b.id,
    ]),
  );
  const personIds = new Map(
    (sqlite.prepare('SELECT name, id FROM people').all() as { name: string; id: number }[]).map((p) => [
      p.name,
      p.id,
    ]),
  );
  const criterionIds = new Map(
    (sqlite.prepare('SELECT code, id FROM criteria').all() as { code: string; id: number }[]).map((c) => [
      c.code,
      c.id,
    ]),
  );
  const now = new Date().toISOString();
  const score = sqlite.prepare(
    'INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const history = sqlite.prepare(
    'INSERT INTO score_history (bid_id, person_id, criterion_id, score, justification, submitted, at) ' +
      'VALUES (?, ?, ?, ?, ?, 1, ?)',
  );
  const submit = sqlite.prepare(
    'INSERT OR IGNORE INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const [ref = '', name = '', code = '', value = '', justification = ''] of records) {
      const args = [bidIds.get(ref), personIds.get(name), criterionIds.get(code)] as const;
      score.run(...args, Number(value), justification, now);
      history.run(...args, Number(value), justification, now);
      submit.run(args[0], args[1], now);
    }
  })();
  sqlite.close();
  return performance.now() - started;
}

/** A 20,000-bid round in the assessment stage, with the score files the bench imports. */
export interface PreparedRound {
  folder: string;
  db: string;
  roundArg: string[];
  /** The 49,000-row file, and the same with a bad 49,001st row. */
  good: string;
  bad: string;
  csv: Buffer;
  /** The command-line runs that moved the round to assessment. */
  stages: { command: string; run: CliRun }[];
}

/**
 * The round the 20,000-bid figures run on: every bid, the other two assessors' submitted scores
 * (in the lead officer's signed entry), and the round moved to assessment by the command line.
 */
export async function prepareLargeRound(bids: number, rows: number): Promise<PreparedRound> {
  if (!existsSync(bundle))
    spawnSync(process.execPath, ['build/scripts/bundle-cli.mjs'], { stdio: 'inherit' });
  const folder = mkdtempSync(path.join(tmpdir(), 'tranche-bench-large-'));
  const db = path.join(folder, 'large.db');
  const round = await makeScoredRound(db, bids);
  const [amy, ...others] = ASSESSORS;
  // The other two assessors have scored and submitted every bid (in the lead officer's signed entry).
  const now = new Date().toISOString();
  const personId = round.sqlite.prepare('SELECT id FROM people WHERE name = ?').pluck();
  const insertScore = round.sqlite.prepare(
    'INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSubmission = round.sqlite.prepare(
    'INSERT INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)',
  );
  const bidIds = round.sqlite
    .prepare('SELECT id FROM bids WHERE round_id = ? ORDER BY id')
    .pluck()
    .all(round.roundId) as number[];
  asLead(round.ctx, "The bench wrote the other assessors' scores and submissions", () => {
    for (const name of others) {
      const person = personId.get(name) as number;
      for (const bidId of bidIds) {
        for (const c of round.criteria)
          insertScore.run(
            bidId,
            person,
            c.id,
            c.gateway ? 1 : (bidId + c.id + person) % 5,
            'Scored for the bench',
            now,
          );
        insertSubmission.run(bidId, person, now);
      }
    }
  });
  round.close();

  const roundArg = ['--round', String(round.roundId)];
  const stages = ['open', 'assessment'].map((to) => ({
    command: `stage --to ${to}`,
    run: cli(db, ['stage', ...roundArg, '--to', to]),
  }));
  const csv = scoresCsv(round, amy, rows);
  const good = path.join(folder, 'scores.csv');
  writeFileSync(good, csv);
  const bad = path.join(folder, 'scores-bad.csv');
  writeFileSync(bad, Buffer.concat([csv, Buffer.from(`\r\nNO-SUCH-BID,${amy},C1,3,A bad last row`)]));
  return { folder, db, roundArg, good, bad, csv, stages };
}

/** A command's run as a figure; a run that failed says how in its note. */
function figureOf(command: string, run: CliRun, note: string): LargeFigure {
  const failed = `exit ${run.status}: ${run.err.split('\n')[0]?.slice(0, 100)}`;
  return {
    command,
    ms: run.ms,
    peakMiB: run.peakMiB,
    cpuSeconds: run.cpuSeconds,
    status: run.status,
    note: run.status === 0 ? note : [note, failed].filter(Boolean).join('; '),
  };
}

/** The file whose last row is bad: refused (exit 2) is what it should be. */
function refusedFigure(rows: number, run: CliRun): LargeFigure {
  return {
    ...figureOf(`import scores, ${(rows + 1).toLocaleString('en-GB')} rows, the last bad`, run, ''),
    note: run.status === 2 ? 'refused, as it should be' : `exit ${run.status}, expected 2 (refused)`,
  };
}

// long-function: a benchmark's steps in the order they are timed, each beside its baseline
export async function largeRoundFigures(bids = 20_000, rows = 49_000): Promise<LargeFigure[]> {
  const { folder, db, roundArg, good, bad, csv, stages } = await prepareLargeRound(bids, rows);
  const amy = ASSESSORS[0];
  const figures: LargeFigure[] = [];
  const record = (command: string, run: CliRun, note = '') => figures.push(figureOf(command, run, note));
  for (const { command, run } of stages) record(command, run);
  const rawDb = path.join(folder, 'raw.db');
  copyFileSync(db, rawDb);
  const rawMs = rawScoreInsert(rawDb, csv);
  figures.push(refusedFigure(rows, cli(db, ['import', 'scores', bad, ...roundArg])));
  const imported = cli(db, ['import', 'scores', good, ...roundArg]);
  record(
    `import scores, ${rows.toLocaleString('en-GB')} rows`,
    imported,
    `raw insert ${Math.round(rawMs)} ms, ${(imported.ms / rawMs).toFixed(1)}×`,
  );
  record(
    `declare --all --none (${amy})`,
    cli(db, ['declare', ...roundArg, '--assessor', amy, '--all', '--none']),
  );
  record('rank --json', cli(db, ['rank', ...roundArg, '--json']));
  record(
    'panel-pack --format xlsx',
    cli(db, ['panel-pack', ...roundArg, '--format', 'xlsx', '--out', path.join(folder, 'pack.xlsx')]),
  );
  record('stage --to board', cli(db, ['stage', ...roundArg, '--to', 'board']));
  record('suggest --apply', cli(db, ['suggest', ...roundArg, '--apply', '--reason', 'Bench']));
  record('stage --to decision', cli(db, ['stage', ...roundArg, '--to', 'decision']));
  record(
    'notice --format pdf',
    cli(db, ['notice', ...roundArg, '--format', 'pdf', '--out', path.join(folder, 'notice.pdf')]),
  );
  // Every entry the bench wrote is signed, so the record verifies (exit 0) after the whole check.
  record('verify', cli(db, ['verify']));
  return figures;
}

if (process.argv[1]?.endsWith('large.ts')) {
  const bids = Number(process.argv[2] ?? 20_000);
  const rows = Number(process.argv[3] ?? 49_000);
  for (const f of await largeRoundFigures(bids, rows)) {
    const memory = f.peakMiB === null ? '' : `${f.peakMiB.toFixed(0).padStart(6)} MiB`;
    const cpu = f.cpuSeconds === null ? '' : ` (CPU ${f.cpuSeconds.toFixed(1)} s)`;
    console.log(
      `${f.command.padEnd(45)} ${(f.ms / 1000).toFixed(1).padStart(7)} s${cpu} ${memory}  ${f.note}`,
    );
  }
}

/**
 * The score import alone (BENCH_ONLY=large-import), beside the raw insert, in interleaved pairs
 * (raw, import, raw, import …), each on a fresh copy of the same round: the ratio of each pair, and
 * the import's CPU and peak memory. Quicker than the 20,000-bid commands, for work on the import.
 */
export async function largeImportFigures(pairs = 3, bids = 20_000, rows = 49_000): Promise<LargeFigure[]> {
  const { folder, db, roundArg, good, bad, csv } = await prepareLargeRound(bids, rows);
  const figures: LargeFigure[] = [];
  const copy = (name: string) => {
    const file = path.join(folder, name);
    copyFileSync(db, file);
    return file;
  };
  for (let i = 1; i <= pairs; i++) {
    const rawMs = rawScoreInsert(copy('raw.db'), csv);
    const run = cli(copy('import.db'), ['import', 'scores', good, ...roundArg]);
    const note = `raw insert ${Math.round(rawMs)} ms, ${(run.ms / rawMs).toFixed(1)}×`;
    figures.push(figureOf(`import scores, ${rows.toLocaleString('en-GB')} rows, pair ${i}`, run, note));
  }
  figures.push(refusedFigure(rows, cli(copy('refused.db'), ['import', 'scores', bad, ...roundArg])));
  rmSync(folder, { recursive: true, force: true });
  return figures;
}
