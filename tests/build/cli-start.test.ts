import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDbFile, tempDir } from '../support/temp-db';

// The bundled command line starts like a small tool because a command loads only what it uses:
// dispatch loads the contract of the one domain a command calls and that channel's handler module, and the Excel,
// Word and PDF libraries only with the commands that write those files. Run `rounds list` through
// the bundle with a module hook that notes every file Node loads, map each chunk back to its
// sources (its source map), and check nothing else came in: a static import added in the wrong
// place would quietly bring the rest back and slow every command.

const BUNDLE = path.resolve('dist/cli/main.mjs');
const ROOT = path.resolve('.');

/** The source files (relative to the project) behind every file the bundle loaded for `args`. */
function sourcesLoadedBy(args: string[]): {
  sources: Set<string>;
  builtins: Set<string>;
  stdout: string;
  status: number | null;
} {
  const dir = tempDir();
  const log = path.join(dir, 'loaded.txt');
  const hook = path.join(dir, 'note-loads.mjs');
  writeFileSync(
    hook,
    "import module from 'node:module';\nimport { appendFileSync } from 'node:fs';\n" +
      'module.registerHooks({ load(url, context, next) {\n' +
      `  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n} });\n`,
  );
  const run = spawnSync(process.execPath, ['--import', hook, BUNDLE, ...args], { encoding: 'utf8' });
  const sources = new Set<string>();
  const builtins = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    if (url.startsWith('node:')) builtins.add(url);
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    sources.add(path.relative(ROOT, file));
    if (!file.endsWith('.mjs') || !existsSync(`${file}.map`)) continue;
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    for (const source of map.sources)
      sources.add(path.relative(ROOT, path.resolve(path.dirname(file), source)));
  }
  return { sources, builtins, stdout: run.stdout, status: run.status };
}

describe('the bundled command line at start-up', () => {
  it('lists rounds loading only the rounds part of the contract and its handlers', () => {
    expect(existsSync(BUNDLE), 'run `npm run build` first (npm test does)').toBe(true);
    const db = tempDbFile();
    // The first run creates and migrates the database; the second is the everyday start.
    expect(spawnSync(process.execPath, [BUNDLE, '--db', db, 'rounds', 'list', '--json']).status).toBe(0);
    const { sources, builtins, stdout, status } = sourcesLoadedBy(['--db', db, 'rounds', 'list', '--json']);
    expect([status, JSON.parse(stdout)]).toEqual([0, []]);
    const loaded = [...sources];

    // What it needs is there (so the check below is looking at the right files).
    expect(loaded).toContain('shared/contracts/rounds-reading.ts');
    expect(loaded).toContain('electron/handlers/rounds.ts');
    expect(loaded).toContain('db/connection.ts');

    // No other domain's schemas or handlers, and of the rounds domain only the channels that read.
    const domains = loaded.filter((s) => s.startsWith('shared/contracts/') && !/\/(kit|load)\.ts$/.test(s));
    expect(domains).toEqual(['shared/contracts/rounds-reading.ts']);
    for (const other of [
      // Listing rounds builds neither the inputs of creating one nor the overview's schemas.
      'shared/round-inputs.ts',
      'shared/dashboard.ts',
      'shared/progress.ts',
      'shared/readiness.ts',
      'shared/assessment.ts',
      'shared/bids.ts',
      'shared/grants.ts',
      'shared/notices.ts',
      'shared/packs.ts',
      'electron/handlers/scoring.ts',
      'electron/handlers/ranking.ts',
      'electron/handlers/round-progress.ts',
      'electron/handlers/notice-export.ts',
      'electron/handlers/packs.ts',
      'electron/handlers/grants/index.ts',
      'electron/cli/verify-file.ts',
      // The audit chain's side of a write, and unlocking a person, load only when needed.
      'electron/handlers/audit/record.ts',
      'electron/handlers/identity.ts',
    ])
      expect(loaded, other).not.toContain(other);

    // Nor the libraries that read and write Excel, Word and PDF, parse CSV or judge passphrases.
    const libraries = loaded.filter((s) =>
      /node_modules\/(exceljs|docx|pdfkit|pdfmake|fontkit|mammoth|jszip|csv-parse|@zxcvbn-ts)\//.test(s),
    );
    expect(libraries).toEqual([]);

    // zod by the parts in use (`import * as z`): not its other forty languages' messages.
    expect(loaded.filter((s) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(s))).toEqual([]);

    // Nor Node's crypto (loaded on the first hash or key: build/scripts/bundle-cli.mjs) or readline
    // (loaded when a passphrase is asked for), which take milliseconds each to load.
    expect(builtins).toContain('node:fs');
    expect([...builtins].filter((b) => /^node:(crypto|readline)$/.test(b))).toEqual([]);
  }, 60_000);
});
