// How many wrong passphrases a person has had in a row, and until when they are locked. Five wrong
// guesses lock the person for a minute, and each one after that doubles the wait (to a day at most),
// so guessing through the app or the command line is hopeless. Kept in the database (settings),
// so closing the app or starting a new command does not reset it.

export const FREE_GUESSES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 24 * 60 * 60_000;

export interface Lockout {
  failures: number;
  /** ISO time until which the person cannot unlock, or null. */
  lockedUntil: string | null;
}

export const lockoutKey = (personId: number) => `passphrase_lockout:${personId}`;

export function readLockout(stored: string | undefined): Lockout {
  try {
    const value = JSON.parse(stored ?? '') as Partial<Lockout>;
    const failures = Number.isInteger(value.failures) ? Number(value.failures) : 0;
    return { failures, lockedUntil: typeof value.lockedUntil === 'string' ? value.lockedUntil : null };
  } catch {
    return { failures: 0, lockedUntil: null };
  }
}

/** The lockout after one more wrong passphrase at `now`. */
export function afterFailure(lockout: Lockout, now: string): Lockout {
  const failures = lockout.failures + 1;
  if (failures < FREE_GUESSES) return { failures, lockedUntil: null };
  const wait = Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_GUESSES));
  return { failures, lockedUntil: new Date(Date.parse(now) + wait).toISOString() };
}

/** Milliseconds the person must still wait at `now` (0: they may try). */
export function waitMs(lockout: Lockout, now: string): number {
  return lockout.lockedUntil ? Math.max(0, Date.parse(lockout.lockedUntil) - Date.parse(now)) : 0;
}

/** "3 minutes", "1 hour and 4 minutes": how long a wait is, for people. */
export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours === 0) return part(minutes, 'minute');
  return rest === 0 ? part(hours, 'hour') : `${part(hours, 'hour')} and ${part(rest, 'minute')}`;
}
