import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import {
  declarationHistory,
  declarations,
  enrolments,
  packsReceived,
  packsSent,
  people,
  personKeys,
  pinnedKeys,
  rounds,
  scoreHistory,
  scores,
  submissions,
} from '../schema';

// What packs need of the database: rounds by their global uid, the keys pinned for people whose
// private key is on another laptop, enrolment codes (as hashes), and the packs made and accepted.

export interface PackRecord {
  packId: string;
  kind: string;
  roundId: number;
  personId: number;
  sequence: number;
  sha256: string;
  createdAt: string;
  summary: string;
}

// long-function: the domain's query methods as one object from a factory; each method is short
export function packQueries(db: TrancheDb) {
  return {
    roundIdentity(roundId: number) {
      return db
        .select({ id: rounds.id, uid: rounds.uid, copyOf: rounds.copyOf })
        .from(rounds)
        .where(eq(rounds.id, roundId))
        .get();
    },
    roundByUid(uid: string) {
      return db
        .select({ id: rounds.id, uid: rounds.uid, copyOf: rounds.copyOf })
        .from(rounds)
        .where(eq(rounds.uid, uid))
        .get();
    },
    /** Whether the round is a copy received in a pack (false for a round that does not exist). */
    isCopy(roundId: number): boolean {
      return Boolean(
        db.select({ copyOf: rounds.copyOf }).from(rounds).where(eq(rounds.id, roundId)).get()?.copyOf,
      );
    },
    setRoundIdentity(roundId: number, uid: string, copyOf: string | null): void {
      db.update(rounds).set({ uid, copyOf }).where(eq(rounds.id, roundId)).run();
    },

    pinnedKey(personId: number) {
      return db.select().from(pinnedKeys).where(eq(pinnedKeys.personId, personId)).get();
    },
    localKey(personId: number) {
      return db
        .select({ publicKey: personKeys.publicKey, fingerprint: personKeys.fingerprint })
        .from(personKeys)
        .where(eq(personKeys.personId, personId))
        .get();
    },
    pin(personId: number, publicKey: string, fingerprint: string, via: string, now: string): void {
      db.insert(pinnedKeys)
        .values({ personId, publicKey, fingerprint, via, pinnedAt: now })
        .onConflictDoUpdate({
          target: pinnedKeys.personId,
          set: { publicKey, fingerprint, via, pinnedAt: now },
        })
        .run();
    },
    /** Lead officers with a key this database holds for them (their own, or pinned). */
    leadOfficerKeys() {
      return db
        .select({
          name: people.name,
          role: people.role,
          local: personKeys.publicKey,
          pinned: pinnedKeys.publicKey,
        })
        .from(people)
        .leftJoin(personKeys, eq(personKeys.personId, people.id))
        .leftJoin(pinnedKeys, eq(pinnedKeys.personId, people.id))
        .where(eq(people.role, 'lead_officer'))
        .all();
    },

    addEnrolment(id: string, personId: number, roundId: number, codeHash: string, now: string): void {
      db.insert(enrolments).values({ id, personId, roundId, codeHash, createdAt: now }).run();
    },
    enrolment(id: string) {
      return db.select().from(enrolments).where(eq(enrolments.id, id)).get();
    },
    useEnrolment(id: string, now: string): void {
      db.update(enrolments).set({ usedAt: now }).where(eq(enrolments.id, id)).run();
    },

    received(packId: string) {
      return db.select().from(packsReceived).where(eq(packsReceived.packId, packId)).get();
    },
    /** The newest pack accepted from this sender for this round (of the given kinds). */
    lastReceived(roundId: number, senderPersonId: number) {
      return db
        .select()
        .from(packsReceived)
        .where(and(eq(packsReceived.roundId, roundId), eq(packsReceived.senderPersonId, senderPersonId)))
        .orderBy(desc(packsReceived.sequence))
        .limit(1)
        .get();
    },
    recordReceived(record: PackRecord, receivedAt: string): void {
      db.insert(packsReceived)
        .values({ ...record, senderPersonId: record.personId, receivedAt })
        .run();
    },
    /**
     * The next number for a pack this database makes about this round: one count for the round,
     * whoever it goes to, so the packs of any one sender always rise (a return to a second lead
     * officer is still newer than the one sent to the first).
     */
    nextSequence(roundId: number): number {
      const row = db
        .select({ n: sql<number | null>`max(${packsSent.sequence})` })
        .from(packsSent)
        .where(eq(packsSent.roundId, roundId))
        .get();
      return (row?.n ?? 0) + 1;
    },
    recordSent(record: PackRecord): void {
      db.insert(packsSent)
        .values({ ...record, toPersonId: record.personId })
        .run();
    },
    sentForRound(roundId: number) {
      return db
        .select({
          packId: packsSent.packId,
          kind: packsSent.kind,
          personId: packsSent.toPersonId,
          person: people.name,
          sequence: packsSent.sequence,
          createdAt: packsSent.createdAt,
          summary: packsSent.summary,
        })
        .from(packsSent)
        .innerJoin(people, eq(people.id, packsSent.toPersonId))
        .where(eq(packsSent.roundId, roundId))
        .orderBy(desc(packsSent.createdAt))
        .all();
    },
    receivedForRound(roundId: number) {
      return db
        .select({
          packId: packsReceived.packId,
          kind: packsReceived.kind,
          personId: packsReceived.senderPersonId,
          person: people.name,
          sequence: packsReceived.sequence,
          createdAt: packsReceived.createdAt,
          receivedAt: packsReceived.receivedAt,
          summary: packsReceived.summary,
        })
        .from(packsReceived)
        .innerJoin(people, eq(people.id, packsReceived.senderPersonId))
        .where(eq(packsReceived.roundId, roundId))
        .orderBy(desc(packsReceived.receivedAt))
        .all();
    },

    // Merging a return at the office: versions made on another laptop are added in the order the
    // return lists them, each at the office's receipt time (a laptop's clock is not the office's).
    addDeclarationVersion(row: {
      bidId: number;
      personId: number;
      conflict: boolean;
      nature: string | null;
      reason: string | null;
      recordedBy: number | null;
      at: string;
    }): void {
      db.insert(declarationHistory).values(row).run();
    },
    setDeclaration(
      bidId: number,
      personId: number,
      conflict: boolean,
      nature: string | null,
      at: string,
    ): void {
      db.insert(declarations)
        .values({ bidId, personId, conflict, nature, declaredAt: at })
        .onConflictDoUpdate({
          target: [declarations.bidId, declarations.personId],
          set: { conflict, nature, declaredAt: at },
        })
        .run();
    },
    addScoreVersion(row: {
      bidId: number;
      personId: number;
      criterionId: number;
      score: number | null;
      justification: string;
      submitted: boolean;
      at: string;
    }): void {
      db.insert(scoreHistory).values(row).run();
    },
    /** One person's score versions on a bid, with the criterion's id, in the order they were made. */
    scoreVersions(bidId: number, personId: number) {
      return db
        .select()
        .from(scoreHistory)
        .where(and(eq(scoreHistory.bidId, bidId), eq(scoreHistory.personId, personId)))
        .orderBy(asc(scoreHistory.id))
        .all();
    },
    currentScores(bidId: number, personId: number) {
      return db
        .select()
        .from(scores)
        .where(and(eq(scores.bidId, bidId), eq(scores.personId, personId)))
        .all();
    },
    setScore(
      bidId: number,
      personId: number,
      criterionId: number,
      score: number | null,
      justification: string,
      at: string,
    ): void {
      db.insert(scores)
        .values({ bidId, personId, criterionId, score, justification, updatedAt: at })
        .onConflictDoUpdate({
          target: [scores.bidId, scores.personId, scores.criterionId],
          set: { score, justification, updatedAt: at },
        })
        .run();
    },
    addSubmission(bidId: number, personId: number, submittedAt: string): void {
      db.insert(submissions).values({ bidId, personId, submittedAt }).onConflictDoNothing().run();
    },
  };
}
