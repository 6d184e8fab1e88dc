import type { Store } from '../../db/store';

export interface HandlerContext {
  store: Store;
  /** The clock, injectable so tests can fix it. Returns an ISO-8601 UTC timestamp. */
  now: () => string;
  appVersion: string;
  /** The person the command line acts as (`--as NAME`); otherwise the local profile. */
  actAs?: string;
}

export function createContext(
  store: Store,
  appVersion: string,
  now: () => string = () => new Date().toISOString(),
  actAs?: string,
): HandlerContext {
  return actAs === undefined ? { store, now, appVersion } : { store, now, appVersion, actAs };
}
