import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Round } from '../../shared/rounds';
import { availablePence } from '../../shared/rounds';
import type { TrancheDb } from '../connection';
import { funds, rounds } from '../schema';

export interface RoundValues {
  fundId: number;
  name: string;
  budgetPence: number;
  committedPence: number;
}

const roundColumns = {
  id: rounds.id,
  fund: funds.name,
  name: rounds.name,
  budgetPence: rounds.budgetPence,
  committedPence: rounds.committedPence,
  archivedAt: rounds.archivedAt,
  createdAt: rounds.createdAt,
  updatedAt: rounds.updatedAt,
};

type RoundRow = Omit<Round, 'availablePence' | 'archived'>;

function toRound(row: RoundRow): Round {
  return { ...row, availablePence: availablePence(row), archived: row.archivedAt !== null };
}

export function roundQueries(db: TrancheDb) {
  const selectRounds = () => db.select(roundColumns).from(rounds).innerJoin(funds, eq(rounds.fundId, funds.id));

  return {
    list(includeArchived: boolean): Round[] {
      return selectRounds()
        .where(includeArchived ? undefined : isNull(rounds.archivedAt))
        .orderBy(desc(rounds.createdAt), desc(rounds.id))
        .all()
        .map(toRound);
    },
    get(id: number): Round | undefined {
      const row = selectRounds().where(eq(rounds.id, id)).get();
      return row ? toRound(row) : undefined;
    },
    /** Another round of the same fund with this name (any case), other than `exceptId`. */
    findByName(fundId: number, name: string, exceptId?: number): Round | undefined {
      const row = selectRounds()
        .where(
          and(
            eq(rounds.fundId, fundId),
            sql`lower(${rounds.name}) = lower(${name})`,
            exceptId === undefined ? undefined : ne(rounds.id, exceptId),
          ),
        )
        .get();
      return row ? toRound(row) : undefined;
    },
    insert(values: RoundValues, now: string): number {
      return db
        .insert(rounds)
        .values({ ...values, createdAt: now, updatedAt: now })
        .returning({ id: rounds.id })
        .get().id;
    },
    update(id: number, values: RoundValues, now: string): void {
      db.update(rounds).set({ ...values, updatedAt: now }).where(eq(rounds.id, id)).run();
    },
    setArchived(id: number, archivedAt: string | null, now: string): void {
      db.update(rounds).set({ archivedAt, updatedAt: now }).where(eq(rounds.id, id)).run();
    },
  };
}
