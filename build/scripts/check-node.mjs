// Tranche runs on the two LTS lines, Node 22 (22.14 or later) and 24 or later: better-sqlite3 13 is
// built for Node-API 10, which older Node lacks, and there it crashes the process (a segfault, not an
// error) at the first database. So install, test and start stop first, in one line naming the fix.
import { pathToFileURL } from 'node:url';

// Kept in step with `engines` in package.json by tests/build/node-version.test.ts.

/** True when this version of Node ("22.14.0" or "v22.14.0") can run Tranche. */
export function supportedNode(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  return major >= 24 || (major === 22 && minor >= 14);
}

export const UNSUPPORTED_NODE_HELP = 'use Node 24 (or 22.14 or later), for example `nvm install 24`';

/** Exits with one line on stderr when this Node cannot run Tranche. */
export function assertSupportedNode(version = process.version) {
  if (supportedNode(version)) return;
  console.error(`tranche: Node ${version} cannot run Tranche: ${UNSUPPORTED_NODE_HELP}.`);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) assertSupportedNode();
