import type { ReadStore, Store } from '../../db/store';
import type { KdfParams } from '../identity/keys';
import { Session } from '../identity/session';

/** What a read channel's handler gets: the same, over a store that can only read. */
export interface ReadContext {
  store: ReadStore;
  /** The clock, injectable so tests can fix it. Returns an ISO-8601 UTC timestamp. */
  now: () => string;
  appVersion: string;
  /**
   * Who is acting: the person who proved their passphrase in this process (the app's main process,
   * the web bridge, or one command-line run), with their unsealed key. Never stored.
   */
  session: Session;
  /** The key derivation for passphrases set from now on; tests choose a cheap one. */
  kdf?: KdfParams;
}

/** What a write channel's handler gets: the store with its writes and transactions. */
export interface HandlerContext extends ReadContext {
  store: Store;
}

/** The same context over the store's read-only connection: what dispatch gives a read channel. */
export function readContext(ctx: HandlerContext): ReadContext {
  return { ...ctx, store: ctx.store.reader };
}

export interface ContextOptions {
  session?: Session;
  kdf?: KdfParams;
}

export function createContext(
  store: Store,
  appVersion: string,
  now: () => string = () => new Date().toISOString(),
  options: ContextOptions = {},
): HandlerContext {
  const ctx: HandlerContext = { store, now, appVersion, session: options.session ?? new Session() };
  if (options.kdf) ctx.kdf = options.kdf;
  return ctx;
}
