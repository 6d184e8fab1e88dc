import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { startWebServer } from '../../electron/bridge/server';
import { startEngine } from '../../electron/engine/engine';
import { tranche, type Finished } from './cli-process';

// Writers wait their turn: two command-line imports into two rounds of one database at once, and
// web mode reading while the command line writes. Before, one of each pair failed after about a
// second with "database is locked" (exit 1), and web reads failed the same way.

const BIDS_PER_IMPORT = 150;
const PAIRS = 20;

function schedule(dir: string, prefix: string): string {
  const rows = Array.from(
    { length: BIDS_PER_IMPORT },
    (_, i) => `${prefix}-${i + 1},Walsall,Project ${prefix} ${i + 1},£${1000 + i}`,
  );
  const file = path.join(dir, `${prefix}.csv`);
  writeFileSync(file, ['Ref,Partnership,Project,Amount', ...rows].join('\n'));
  return file;
}

async function setUp() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tranche-concurrency-'));
  const db = path.join(dir, 'tranche.db');
  // The first run also brings the command line's bundle up to date, before anything is timed.
  expect((await tranche(['--db', db, 'demo'])).code).toBe(0);
  const roundIds: number[] = [];
  for (const name of ['North', 'South']) {
    const made = await tranche([
      '--db',
      db,
      '--as',
      'Dan Hughes',
      'rounds',
      'create',
      '--fund',
      'Concurrency Fund',
      '--name',
      name,
      '--budget',
      '£10m',
      '--json',
    ]);
    expect(made.code, made.stderr).toBe(0);
    roundIds.push((JSON.parse(made.stdout) as { id: number }).id);
  }
  return { dir, db, roundIds };
}

const importInto = (db: string, roundId: number, file: string) =>
  tranche(['--db', db, '--as', 'Dan Hughes', 'import', 'bids', file, '--round', String(roundId), '--json']);

function expectLanded(run: Finished, what: string) {
  expect(run.stderr, what).not.toMatch(/database is locked|unexpected failure/i);
  expect(run.code, `${what}: ${run.stderr}`).toBe(0);
}

function bidCount(db: string, roundId: number): number {
  const connection = openDatabase(db, { migrationsFolder: MIGRATIONS_FOLDER });
  try {
    return connection.sqlite
      .prepare('SELECT count(*) FROM bids WHERE round_id = ?')
      .pluck()
      .get(roundId) as number;
  } finally {
    connection.close();
  }
}

describe('two Tranches writing to one database', () => {
  it('two command-line imports into two rounds at once both land, twenty times over', async () => {
    const { dir, db, roundIds } = await setUp();
    const [north, south] = roundIds as [number, number];
    for (let pair = 1; pair <= PAIRS; pair++) {
      const [a, b] = await Promise.all([
        importInto(db, north, schedule(dir, `N${pair}`)),
        importInto(db, south, schedule(dir, `S${pair}`)),
      ]);
      expectLanded(a, `pair ${pair}, North`);
      expectLanded(b, `pair ${pair}, South`);
    }
    expect(bidCount(db, north)).toBe(PAIRS * BIDS_PER_IMPORT);
    expect(bidCount(db, south)).toBe(PAIRS * BIDS_PER_IMPORT);
    const verified = await tranche(['--db', db, 'verify']);
    expect(verified.code, verified.stderr).toBe(0);
  }, 900_000);

  it('web mode keeps reading while the command line imports', async () => {
    const { dir, db, roundIds } = await setUp();
    const [north] = roundIds as [number];
    // Web mode as `npm run web` runs it: the database and the handlers in the engine's worker.
    const engine = await startEngine(
      new URL('../../electron/engine/engine-worker-source.mjs', import.meta.url),
      {
        file: db,
        migrationsFolder: MIGRATIONS_FOLDER,
        version: 'test',
      },
    );
    const web = await startWebServer({ call: engine.call, rendererRoot: dir, port: 0 });
    const origin = new URL(web.url).origin;
    const read = async () => {
      const response = await fetch(`${origin}/api/rounds:list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ includeArchived: true }),
      });
      return (await response.json()) as { ok: boolean; error?: { message: string } };
    };
    try {
      let importing = true;
      const imports = (async () => {
        for (let run = 1; run <= 5; run++)
          expectLanded(await importInto(db, north, schedule(dir, `W${run}`)), `import ${run}`);
        importing = false;
      })();
      const failures: string[] = [];
      let reads = 0;
      while (importing || reads < 60) {
        const result = await read();
        reads += 1;
        if (!result.ok) failures.push(result.error?.message ?? 'failed');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await imports;
      expect(failures, 'web reads refused while the command line wrote').toEqual([]);
      expect(bidCount(db, north)).toBe(5 * BIDS_PER_IMPORT);
    } finally {
      await web.close();
      await engine.close();
    }
    const verified = await tranche(['--db', db, 'verify']);
    expect(verified.code, verified.stderr).toBe(0);
  }, 600_000);
});
