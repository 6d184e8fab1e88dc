import type { Store } from '../../db/store';
import type { KdfParams } from '../identity/keys';
import { Session } from '../identity/session';

export interface HandlerContext {
  store: Store;
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
