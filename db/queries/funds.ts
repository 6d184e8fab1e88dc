import { count, eq, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { funds, rounds } from '../schema';

export function fundQueries(db: TrancheDb) {
  return {
    list() {
      return db
        .select({ id: funds.id, name: funds.name, capPence: funds.capPence, roundCount: count(rounds.id) })
        .from(funds)
        .leftJoin(rounds, eq(rounds.fundId, funds.id))
        .groupBy(funds.id)
        .orderBy(funds.name)
        .all();
    },
    get(id: number) {
      return db
        .select({ id: funds.id, name: funds.name, capPence: funds.capPence })
        .from(funds)
        .where(eq(funds.id, id))
        .get();
    },
    /** Funds are matched without regard to case, so "invest to save" is the same fund. */
    findOrCreate(name: string, now: string): number {
      const existing = db
        .select({ id: funds.id })
        .from(funds)
        .where(sql`lower(${funds.name}) = lower(${name})`)
        .get();
      if (existing) return existing.id;
      return db.insert(funds).values({ name, createdAt: now }).returning({ id: funds.id }).get().id;
    },
    setCap(id: number, capPence: number | null): void {
      db.update(funds).set({ capPence }).where(eq(funds.id, id)).run();
    },
  };
}
