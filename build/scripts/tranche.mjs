// `npm run tranche`: runs the bundled command line (dist/cli). The bundle is built at install
// (postinstall); when any source it was built from is newer or gone, or it is missing, it is rebuilt here
// first (esbuild, about a second), so a stale bundle never runs and the sources never run through
// tsx. Arguments, output and exit status pass through unchanged.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const bundle = path.join(root, 'dist/cli/main.mjs');

/** Current when no file it was built from (dist/cli/inputs.json) is newer than it, or gone. */
function bundleIsCurrent() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(root, 'dist/cli/inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!bundleIsCurrent()) {
  const { bundleCli } = await import('./bundle-cli.mjs');
  await bundleCli();
}
await import(pathToFileURL(bundle).href);
