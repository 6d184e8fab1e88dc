// `npm run tranche`: runs the bundled command line (dist/cli). The bundle is built at install
// (postinstall); when any source it was built from is newer, or it is missing, it is rebuilt here
// first (esbuild, about a second), so a stale bundle never runs and the sources never run through
// tsx. Arguments, output and exit status pass through unchanged.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const bundle = path.join(root, 'dist/cli/main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|sql|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  try {
    const built = statSync(bundle).mtimeMs;
    return ['electron', 'db', 'shared'].every((dir) => newestSource(path.join(root, dir)) <= built);
  } catch {
    return false;
  }
}

if (!bundleIsCurrent()) {
  const { bundleCli } = await import('./bundle-cli.mjs');
  await bundleCli();
}
await import(pathToFileURL(bundle).href);
