import { eq, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { personKeys } from '../schema';

export interface StoredIdentity {
  personId: number;
  publicKey: string;
  fingerprint: string;
  sealedPrivateKey: string;
  salt: string;
  nonce: string;
  /** JSON of the key derivation parameters. */
  kdf: string;
}

/** People's sealed key pairs. The sealed private key is read only to unlock it, never returned. */
export function identityQueries(db: TrancheDb) {
  return {
    get(personId: number): StoredIdentity | undefined {
      return db
        .select({
          personId: personKeys.personId,
          publicKey: personKeys.publicKey,
          fingerprint: personKeys.fingerprint,
          sealedPrivateKey: personKeys.sealedPrivateKey,
          salt: personKeys.salt,
          nonce: personKeys.nonce,
          kdf: personKeys.kdf,
        })
        .from(personKeys)
        .where(eq(personKeys.personId, personId))
        .get();
    },
    /** Each enrolled person's key fingerprint, by person id. */
    fingerprints(): Map<number, string> {
      const rows = db
        .select({ personId: personKeys.personId, fingerprint: personKeys.fingerprint })
        .from(personKeys)
        .all();
      return new Map(rows.map((r) => [r.personId, r.fingerprint]));
    },
    count(): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(personKeys)
          .get()?.n ?? 0
      );
    },
    /** Stores a new key for someone who had none, or a re-sealed one (same key pair) for them. */
    save(identity: StoredIdentity, now: string): void {
      const values = { ...identity, updatedAt: now };
      db.insert(personKeys)
        .values({ ...values, createdAt: now })
        .onConflictDoUpdate({ target: personKeys.personId, set: values })
        .run();
    },
  };
}
