import { count, eq, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { funds, rounds } from '../schema';

export function fundQueries(db: TrancheDb) {
  return {
    list() {
      return db
        .select({ id: funds.id, name: funds.name, roundCount: count(rounds.id) })
        .from(funds)
        .leftJoin(rounds, eq(rounds.fundId, funds.id))
        .groupBy(funds.id)
        .orderBy(funds.name)
        .all();
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
  };
}
