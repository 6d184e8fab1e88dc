import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Round } from '../../shared/rounds';
import type { Stage } from '../../shared/stages';
import { availablePence, committedPence } from '../../shared/rounds';
import type { TrancheDb } from '../connection';
import { groupBy } from '../group-by';
import { bids, commitments, funds, plans, rounds } from '../schema';

export interface RoundValues {
  fundId: number;
  name: string;
  financialYear: string | null;
  tranche: string | null;
  budgetPence: number;
  opensOn: string | null;
  closesOn: string | null;
  status: 'open' | 'closed';
  planId: number | null;
  demoNotice?: string | null;
}

const roundColumns = {
  id: rounds.id,
  fund: funds.name,
  fundCapPence: funds.capPence,
  name: rounds.name,
  financialYear: rounds.financialYear,
  tranche: rounds.tranche,
  budgetPence: rounds.budgetPence,
  opensOn: rounds.opensOn,
  closesOn: rounds.closesOn,
  status: rounds.status,
  planId: rounds.planId,
  planTitle: plans.title,
  demoNotice: rounds.demoNotice,
  stage: rounds.stage,
  copyOf: rounds.copyOf,
  archivedAt: rounds.archivedAt,
  createdAt: rounds.createdAt,
  updatedAt: rounds.updatedAt,
};

/** A bid's reduced amount where it offers one below its request, otherwise what it requests. */
const REDUCED_OR_REQUESTED = sql`coalesce(min(${bids.reducedPence}, ${bids.requestedPence}), ${bids.requestedPence})`;

// long-function: the domain's query methods as one object from a factory; each method is short
export function roundQueries(db: TrancheDb) {
  const selectRounds = () =>
    db
      .select(roundColumns)
      .from(rounds)
      .innerJoin(funds, eq(rounds.fundId, funds.id))
      .leftJoin(plans, eq(rounds.planId, plans.id));

  /** Commitments and bid totals for the given rounds, fetched in two grouped queries. */
  function complete(rows: Awaited<ReturnType<ReturnType<typeof selectRounds>['all']>>): Round[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const commitmentRows = db
      .select({
        id: commitments.id,
        roundId: commitments.roundId,
        description: commitments.description,
        amountPence: commitments.amountPence,
      })
      .from(commitments)
      .where(inArray(commitments.roundId, ids))
      .orderBy(asc(commitments.position), asc(commitments.id))
      .all();
    const totals = db
      .select({
        roundId: bids.roundId,
        bidCount: sql<number>`count(*)`,
        requestedPence: sql<number>`coalesce(sum(${bids.requestedPence}), 0)`,
        reducedRequestedPence: sql<number>`coalesce(sum(${REDUCED_OR_REQUESTED}), 0)`,
      })
      .from(bids)
      .where(and(inArray(bids.roundId, ids), ne(bids.status, 'withdrawn')))
      .groupBy(bids.roundId)
      .all();
    const commitmentsOf = groupBy(commitmentRows, (c) => c.roundId);
    const totalOf = new Map(totals.map((t) => [t.roundId, t]));
    return rows.map((row) => {
      const own = (commitmentsOf.get(row.id) ?? []).map(({ id, description, amountPence }) => ({
        id,
        description,
        amountPence,
      }));
      const total = totalOf.get(row.id);
      const { copyOf, ...fields } = row;
      return {
        ...fields,
        isCopy: copyOf !== null,
        commitments: own,
        committedPence: committedPence(own),
        availablePence: availablePence({ budgetPence: row.budgetPence, commitments: own }),
        archived: row.archivedAt !== null,
        bidCount: total?.bidCount ?? 0,
        requestedPence: total?.requestedPence ?? 0,
        reducedRequestedPence: total?.reducedRequestedPence ?? 0,
      };
    });
  }

  return {
    list(includeArchived: boolean): Round[] {
      return complete(
        selectRounds()
          .where(includeArchived ? undefined : isNull(rounds.archivedAt))
          .orderBy(desc(rounds.createdAt), desc(rounds.id))
          .all(),
      );
    },
    get(id: number): Round | undefined {
      return complete(selectRounds().where(eq(rounds.id, id)).all())[0];
    },
    /** Another round of the same fund with this name (any case), other than `exceptId`. */
    findByName(fundId: number, name: string, exceptId?: number): Round | undefined {
      const rows = selectRounds()
        .where(
          and(
            eq(rounds.fundId, fundId),
            sql`lower(${rounds.name}) = lower(${name})`,
            exceptId === undefined ? undefined : ne(rounds.id, exceptId),
          ),
        )
        .all();
      return complete(rows)[0];
    },
    insert(values: RoundValues, now: string): number {
      return db
        .insert(rounds)
        .values({ ...values, createdAt: now, updatedAt: now })
        .returning({ id: rounds.id })
        .get().id;
    },
    update(id: number, values: RoundValues, now: string): void {
      db.update(rounds)
        .set({ ...values, updatedAt: now })
        .where(eq(rounds.id, id))
        .run();
    },
    replaceCommitments(roundId: number, list: { description: string; amountPence: number }[]): void {
      db.delete(commitments).where(eq(commitments.roundId, roundId)).run();
      list.forEach((c, position) =>
        db
          .insert(commitments)
          .values({ roundId, description: c.description, amountPence: c.amountPence, position })
          .run(),
      );
    },
    setStage(id: number, stage: Stage, now: string): void {
      db.update(rounds).set({ stage, updatedAt: now }).where(eq(rounds.id, id)).run();
    },
    setArchived(id: number, archivedAt: string | null, now: string): void {
      db.update(rounds).set({ archivedAt, updatedAt: now }).where(eq(rounds.id, id)).run();
    },
  };
}
