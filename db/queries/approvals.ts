import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { enrolmentCodes, roleApprovals } from '../schema';

// The root of the office's trust: the commissioner's signed approvals of roles granted, and the
// one-time enrolment codes with which people choose their own passphrases (public keys only).

export type RoleApproval = typeof roleApprovals.$inferInsert;

export interface StoredEnrolmentCode {
  personId: number;
  /** Null for a code issued before enrolments carried a proof: it no longer works. */
  codePublicKey: string | null;
  salt: string;
  kdf: string;
  issuedAt: string;
  usedAt: string | null;
  /** The code's key's signature over the key made with it, once used. */
  proof: string | null;
}

export function approvalQueries(db: TrancheDb) {
  return {
    record(approval: RoleApproval): void {
      db.insert(roleApprovals).values(approval).run();
    },
    /** Every approval, oldest first (for verify and the office's published key history). */
    list() {
      return db.select().from(roleApprovals).orderBy(asc(roleApprovals.id)).all();
    },
    forPerson(personId: number) {
      return db
        .select()
        .from(roleApprovals)
        .where(eq(roleApprovals.personId, personId))
        .orderBy(asc(roleApprovals.id))
        .all();
    },
  };
}

export function enrolmentCodeQueries(db: TrancheDb) {
  return {
    get(personId: number): StoredEnrolmentCode | undefined {
      return db.select().from(enrolmentCodes).where(eq(enrolmentCodes.personId, personId)).get();
    },
    /** A new code for someone (replacing one not yet used). */
    issue(
      code: Omit<StoredEnrolmentCode, 'usedAt' | 'proof' | 'codePublicKey'> & { codePublicKey: string },
    ): void {
      const values = { ...code, usedAt: null, proof: null };
      db.insert(enrolmentCodes)
        .values(values)
        .onConflictDoUpdate({ target: enrolmentCodes.personId, set: values })
        .run();
    },
    /** Marks the code used, with its proof; false when it already was (two enrolments racing). */
    use(personId: number, now: string, proof: string): boolean {
      return (
        db
          .update(enrolmentCodes)
          .set({ usedAt: now, proof })
          .where(and(eq(enrolmentCodes.personId, personId), isNull(enrolmentCodes.usedAt)))
          .run().changes === 1
      );
    },
  };
}
