import { and, asc, between, desc, eq, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { notices, noticeTemplates } from '../schema';

type Notice = typeof notices.$inferSelect;

export function noticeQueries(db: TrancheDb) {
  return {
    template(fundId: number): string | undefined {
      return db
        .select({ wording: noticeTemplates.wording })
        .from(noticeTemplates)
        .where(eq(noticeTemplates.fundId, fundId))
        .get()?.wording;
    },
    setTemplate(fundId: number, wording: string, now: string): void {
      db.insert(noticeTemplates)
        .values({ fundId, wording, updatedAt: now })
        .onConflictDoUpdate({ target: noticeTemplates.fundId, set: { wording, updatedAt: now } })
        .run();
    },
    forRound(roundId: number): Notice[] {
      return db.select().from(notices).where(eq(notices.roundId, roundId)).orderBy(desc(notices.id)).all();
    },
    get(id: number): Notice | undefined {
      return db.select().from(notices).where(eq(notices.id, id)).get();
    },
    nextSequence(year: number): number {
      return (
        (db
          .select({ n: sql<number>`coalesce(max(${notices.sequence}), 0)` })
          .from(notices)
          .where(eq(notices.year, year))
          .get()?.n ?? 0) + 1
      );
    },
    create(values: typeof notices.$inferInsert): number {
      return db.insert(notices).values(values).returning({ id: notices.id }).get().id;
    },
    update(id: number, values: Partial<typeof notices.$inferInsert>): void {
      db.update(notices).set(values).where(eq(notices.id, id)).run();
    },
    /** Standing signed decisions whose signing date falls in the period, oldest first. */
    signedBetween(from: string, to: string): Notice[] {
      return db
        .select()
        .from(notices)
        .where(and(eq(notices.status, 'signed'), between(notices.signedOn, from, to)))
        .orderBy(asc(notices.signedOn), asc(notices.number))
        .all();
    },
    signedStanding(roundId: number): Notice | undefined {
      return db
        .select()
        .from(notices)
        .where(and(eq(notices.roundId, roundId), eq(notices.status, 'signed')))
        .orderBy(desc(notices.id))
        .get();
    },
  };
}
