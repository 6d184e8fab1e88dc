import type { KeyObject } from 'node:crypto';

// Who is acting in this process: the person who proved their passphrase, and their unsealed key.
// It lives only in the memory of the main process (desktop), the bridge process (web mode) or one
// command-line run, never in the database, and never crosses to the renderer. After a spell idle
// it locks itself: the next request finds nobody and the app asks for the passphrase again.

export const IDLE_LOCK_MS = 15 * 60 * 1000;

export interface UnlockedIdentity {
  personId: number;
  fingerprint: string;
  privateKey: KeyObject;
}

export type SessionState =
  | { state: 'unlocked'; personId: number; fingerprint: string }
  | { state: 'locked'; personId: number; reason: 'idle' | 'locked' }
  | { state: 'none' };

export class Session {
  private identity: UnlockedIdentity | null = null;
  private lastUse = 0;
  private unlockedAt = 0;
  private lockedOut: { personId: number; reason: 'idle' | 'locked' } | null = null;

  constructor(
    private readonly idleMs: number = IDLE_LOCK_MS,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  unlock(identity: UnlockedIdentity): void {
    this.identity = identity;
    this.lockedOut = null;
    this.lastUse = this.clock();
    this.unlockedAt = this.lastUse;
  }

  lock(reason: 'idle' | 'locked' = 'locked'): void {
    if (this.identity) this.lockedOut = { personId: this.identity.personId, reason };
    this.identity = null;
  }

  /** Forgets who was here (a person removed, or a fresh start). */
  clear(): void {
    this.identity = null;
    this.lockedOut = null;
  }

  /** The unlocked identity, or null once idle too long (which locks it). Does not count as use. */
  current(): UnlockedIdentity | null {
    if (this.identity && this.clock() - this.lastUse > this.idleMs) this.lock('idle');
    return this.identity;
  }

  /** A request from the person: keeps the session alive if it has not already timed out. */
  touch(): void {
    if (this.current()) this.lastUse = this.clock();
  }

  state(): SessionState {
    const identity = this.current();
    if (identity)
      return { state: 'unlocked', personId: identity.personId, fingerprint: identity.fingerprint };
    if (this.lockedOut) return { state: 'locked', ...this.lockedOut };
    return { state: 'none' };
  }

  /**
   * Whether the person proved their passphrase within the last `ms`: true for a command-line run
   * (it unlocks as it starts), false for an app session opened long ago, which must ask again.
   */
  provedWithin(ms: number): boolean {
    return this.current() !== null && this.clock() - this.unlockedAt <= ms;
  }

  /** Milliseconds until the idle lock, for the app to show; null when nobody is unlocked. */
  remainingMs(): number | null {
    return this.current() ? Math.max(0, this.idleMs - (this.clock() - this.lastUse)) : null;
  }
}
