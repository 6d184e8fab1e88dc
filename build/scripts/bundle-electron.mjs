// Bundles the main process and the preload into single CommonJS files. The preload must be one
// file: a sandboxed preload cannot require the project's other modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

// A CommonJS file has no import.meta: the main process and the engine get its url from __filename
// (the shared database code resolves better-sqlite3 from it; the sandboxed preload needs neither).
const withModuleUrl = {
  define: { 'import.meta.url': '__trancheModuleUrl' },
  banner: { js: "const __trancheModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  ...withModuleUrl,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist/electron/main.cjs',
});
// The engine: the database and every handler, in a worker thread of the main process.
await build({
  ...common,
  ...withModuleUrl,
  entryPoints: ['electron/engine/engine-worker.ts'],
  outfile: 'dist/electron/engine-worker.cjs',
});
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
});
