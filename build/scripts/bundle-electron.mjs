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

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
// The engine: the database and every handler, in a worker thread of the main process.
await build({
  ...common,
  entryPoints: ['electron/engine/engine-worker.ts'],
  outfile: 'dist/electron/engine-worker.cjs',
});
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
});
