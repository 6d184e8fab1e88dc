import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { busyTimeoutMs } from './connection';

// What SQLite reports about the file itself (another process holding it, a full disk, a file that
// cannot be written), as one line a person can act on. Anything else is not the store's to explain.

/** The one-line reason for a fault of the store, or null when `error` is not one. */
export function storeFault(error: unknown, file: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // A write refused because the integrity check running alongside found the file damaged.
  if (code === 'TRANCHE_DAMAGED') return (error as Error).message;
  const uncreatable = cannotCreateReason(code, file);
  if (uncreatable) return uncreatable;
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

/**
 * Why no database can be made at `file`: it does not exist yet and the nearest folder that does
 * cannot be written (a read-only disk, or no permission). Null when the folder is writable, so any
 * other failure to open stays unexpected.
 */
function cannotCreateReason(code: string, file: string): string | null {
  const creating =
    ['EROFS', 'EACCES', 'EPERM', 'ENOENT'].includes(code) || code.startsWith('SQLITE_CANTOPEN');
  if (!creating || file === ':memory:' || existsSync(file)) return null;
  let folder = path.dirname(path.resolve(file));
  while (!existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  try {
    accessSync(folder, constants.W_OK);
    return null;
  } catch (denied) {
    const why =
      (denied as { code?: unknown }).code === 'EROFS'
        ? 'is on a disk mounted read-only'
        : 'cannot be written by you';
    return (
      `No database can be made at ${file}: the folder ${folder} ${why}. Nothing was changed; name a ` +
      'database in a folder you can write to, with --db FILE or TRANCHE_DB'
    );
  }
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
