import { statSync } from 'node:fs';
import path from 'node:path';
import { busyTimeoutMs } from './connection';

// What SQLite reports about the file itself (another process holding it, a full disk, a file that
// cannot be written), as one line a person can act on. Anything else is not the store's to explain.

/** The one-line reason for a fault of the store, or null when `error` is not one. */
export function storeFault(error: unknown, file: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return (
      `Another Tranche is writing to this database (${file}) and did not finish within ` +
      `${Math.round(busyTimeoutMs() / 1000)} seconds: nothing was changed; try again`
    );
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return (
      `The disk holding ${mountPointOf(file)} is full: nothing was changed. Free some space on it and ` +
      'try again'
    );
  if (code.startsWith('SQLITE_READONLY'))
    return `The database ${file} cannot be written (${String((error as Error).message)}): nothing was changed`;
  return null;
}

/** The folder where the file system holding `file` is mounted, to name the disk that is full. */
export function mountPointOf(file: string): string {
  let dir = path.dirname(path.resolve(file));
  try {
    const device = statSync(dir).dev;
    for (;;) {
      const parent = path.dirname(dir);
      if (parent === dir || statSync(parent).dev !== device) return dir;
      dir = parent;
    }
  } catch {
    return dir;
  }
}
