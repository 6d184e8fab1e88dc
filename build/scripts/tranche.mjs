// `npm run tranche`: runs the bundled command line (dist/cli, from npm run build) when it is newer
// than every source file it was built from, and the TypeScript sources through tsx otherwise, so
// a stale bundle never runs. Arguments, output and exit status pass through unchanged.
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

if (bundleIsCurrent()) {
  await import(pathToFileURL(bundle).href);
} else {
  // In this process, compiling the sources as they load: no second Node start-up.
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'electron/cli/main.ts')).href);
}
