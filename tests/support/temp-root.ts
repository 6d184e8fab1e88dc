import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Tests make databases, packs and exports in temporary folders, and the command-line tests spawn
// processes that make their own. Pointing the temporary folder at one root per run (or per test
// file) and removing it afterwards keeps a machine that runs the suite all day from filling its disk,
// whichever code made the folder and however it was named.

/** Makes a fresh root, sends this process's and its children's temporary files there, and returns
 * a function that puts the old folder back and removes the root with everything in it. */
export function redirectTempFolder(prefix: string): () => void {
  const previous = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  // os.tmpdir() reads TMPDIR on Linux and macOS and TEMP/TMP on Windows, each time it is called.
  process.env.TMPDIR = process.env.TEMP = process.env.TMP = root;
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
