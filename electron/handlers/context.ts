import type { Store } from '../../db/store';

export interface HandlerContext {
  store: Store;
  /** The clock, injectable so tests can fix it. Returns an ISO-8601 UTC timestamp. */
  now: () => string;
  appVersion: string;
}

export function createContext(store: Store, appVersion: string, now: () => string = () => new Date().toISOString()) {
  return { store, now, appVersion } satisfies HandlerContext;
}
