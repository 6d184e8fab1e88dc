// What `npm install` does after checking Node: try to fetch Electron's binary (never failing the
// install: see electron-binary.mjs), then bundle the command line so that the first
// `npm run tranche` starts at once instead of building it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const electron = spawnSync(process.execPath, [path.join(here, 'electron-binary.mjs'), '--after-install'], {
  stdio: 'inherit',
});
if (electron.status !== 0) process.exit(electron.status ?? 1);
const { bundleCli } = await import('./bundle-cli.mjs');
await bundleCli();
