// Bundles the command line into dist/cli (ES modules, split at each dynamic import) so that a
// command starts in a fraction of a second: no TypeScript compiler at start-up, one file to parse,
// and the Excel, Word and PDF libraries in chunks loaded only by the commands that write or read
// those files. `npm run tranche` runs this bundle when it is up to date (build/scripts/tranche.mjs).
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { main: 'electron/cli/main.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  // Smaller to read and parse at every start; the source map keeps stack traces readable.
  minify: true,
  logLevel: 'warning',
  // pdfmake (through pdfkit) reads its font metrics from files beside its own modules, by
  // __dirname, which an ES module bundle does not have: it loads from node_modules instead.
  external: ['better-sqlite3', 'pdfmake', 'pdfmake/*'],
  // Bundled CommonJS libraries call require(); an ES module has none unless it is made.
  banner: {
    js:
      "import { createRequire as __trancheRequire } from 'node:module';\n" +
      'const require = __trancheRequire(import.meta.url);',
  },
});
// db/migrations-folder.ts finds the migrations beside the module that asks: here, dist/cli.
cpSync('db/migrations', 'dist/cli/migrations', { recursive: true });
