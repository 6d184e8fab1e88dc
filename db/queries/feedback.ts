import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TrancheDb } from '../connection';
import { bids, feedbackSummaries, people } from '../schema';

// The feedback letters give per criterion, in the office's words, with who wrote and approved it.

const writer = alias(people, 'writer');
const approver = alias(people, 'approver');

export function feedbackQueries(db: TrancheDb) {
  return {
    forRound(roundId: number) {
      return db
        .select({
          bidId: feedbackSummaries.bidId,
          ref: bids.ref,
          criterion: feedbackSummaries.criterionCode,
          text: feedbackSummaries.text,
          writtenBy: writer.name,
          approvedBy: approver.name,
          approvedAt: feedbackSummaries.approvedAt,
        })
        .from(feedbackSummaries)
        .innerJoin(bids, eq(bids.id, feedbackSummaries.bidId))
        .leftJoin(writer, eq(writer.id, feedbackSummaries.writtenBy))
        .leftJoin(approver, eq(approver.id, feedbackSummaries.approvedBy))
        .where(eq(bids.roundId, roundId))
        .orderBy(asc(bids.ref), asc(feedbackSummaries.criterionCode))
        .all();
    },
    /** Writes the words; `approvedBy` null leaves them awaiting a lead officer's approval. */
    set(
      bidId: number,
      criterionCode: string,
      text: string,
      writtenBy: number,
      approvedBy: number | null,
      now: string,
    ) {
      const approval = { approvedBy, approvedAt: approvedBy === null ? null : now };
      db.insert(feedbackSummaries)
        .values({ bidId, criterionCode, text, writtenBy, writtenAt: now, ...approval })
        .onConflictDoUpdate({
          target: [feedbackSummaries.bidId, feedbackSummaries.criterionCode],
          set: { text, writtenBy, writtenAt: now, ...approval },
        })
        .run();
    },
    remove(bidId: number, criterionCode: string): void {
      db.delete(feedbackSummaries)
        .where(and(eq(feedbackSummaries.bidId, bidId), eq(feedbackSummaries.criterionCode, criterionCode)))
        .run();
    },
    /** Approves every summary of the bid still awaiting approval; how many it approved. */
    approve(bidId: number, approvedBy: number, now: string): number {
      const pending = db
        .select({ code: feedbackSummaries.criterionCode, approvedAt: feedbackSummaries.approvedAt })
        .from(feedbackSummaries)
        .where(eq(feedbackSummaries.bidId, bidId))
        .all()
        .filter((row) => row.approvedAt === null);
      for (const row of pending)
        db.update(feedbackSummaries)
          .set({ approvedBy, approvedAt: now })
          .where(and(eq(feedbackSummaries.bidId, bidId), eq(feedbackSummaries.criterionCode, row.code)))
          .run();
      return pending.length;
    },
  };
}
