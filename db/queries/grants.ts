import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import {
  bids,
  grantClaims,
  grantReturns,
  grants,
  grantVariations,
  grantYears,
  partnerships,
  people,
} from '../schema';

// What delivery needs of the database: grants with their bid and partnership, and the years,
// claims, returns and variations that belong to them. A round's are read in one query each.

export type GrantRow = typeof grants.$inferSelect;
export type GrantInsert = typeof grants.$inferInsert;
export type ClaimRow = typeof grantClaims.$inferSelect;
export type ReturnRow = typeof grantReturns.$inferSelect;
export type ReturnInsert = typeof grantReturns.$inferInsert;

const withBid = {
  grant: grants,
  ref: bids.ref,
  title: bids.title,
  partnership: partnerships.name,
  endsOn: bids.endsOn,
  matchFundingPence: bids.matchFundingPence,
};

// long-function: the domain's query methods as one object from a factory; each method is short
export function grantQueries(db: TrancheDb) {
  const grantIdsOf = (roundId: number) =>
    db.select({ id: grants.id }).from(grants).where(eq(grants.roundId, roundId));
  return {
    /** Every grant of a round with its bid and partnership, in the order the bids were made. */
    forRound(roundId: number) {
      return db
        .select(withBid)
        .from(grants)
        .innerJoin(bids, eq(grants.bidId, bids.id))
        .innerJoin(partnerships, eq(bids.partnershipId, partnerships.id))
        .where(eq(grants.roundId, roundId))
        .orderBy(asc(bids.id))
        .all();
    },
    byBid(bidId: number) {
      return db.select().from(grants).where(eq(grants.bidId, bidId)).get();
    },
    insert(values: GrantInsert): number {
      return db.insert(grants).values(values).returning({ id: grants.id }).get().id;
    },
    update(id: number, values: Partial<GrantInsert>): void {
      db.update(grants).set(values).where(eq(grants.id, id)).run();
    },
    years(roundId: number) {
      return db
        .select()
        .from(grantYears)
        .where(inArray(grantYears.grantId, grantIdsOf(roundId)))
        .orderBy(asc(grantYears.financialYear))
        .all();
    },
    replaceYears(grantId: number, years: { financialYear: string; allocationPence: number }[]): void {
      db.delete(grantYears).where(eq(grantYears.grantId, grantId)).run();
      if (years.length > 0)
        db.insert(grantYears)
          .values(years.map((y) => ({ grantId, ...y })))
          .run();
    },
    claims(roundId: number) {
      return db
        .select()
        .from(grantClaims)
        .where(inArray(grantClaims.grantId, grantIdsOf(roundId)))
        .orderBy(asc(grantClaims.id))
        .all();
    },
    claim(id: number) {
      return db.select().from(grantClaims).where(eq(grantClaims.id, id)).get();
    },
    addClaim(values: typeof grantClaims.$inferInsert): number {
      return db.insert(grantClaims).values(values).returning({ id: grantClaims.id }).get().id;
    },
    payClaim(id: number, approvedBy: number, approvedAt: string): void {
      db.update(grantClaims)
        .set({ status: 'paid', approvedBy, approvedAt })
        .where(and(eq(grantClaims.id, id), eq(grantClaims.status, 'recorded')))
        .run();
    },
    returns(roundId: number) {
      return db
        .select()
        .from(grantReturns)
        .where(inArray(grantReturns.grantId, grantIdsOf(roundId)))
        .orderBy(asc(grantReturns.dueOn))
        .all();
    },
    /** Records a return, replacing one already recorded for the same due date (a corrected return). */
    saveReturn(values: ReturnInsert): void {
      const { grantId: _grant, dueOn: _due, ...rest } = values;
      db.insert(grantReturns)
        .values(values)
        .onConflictDoUpdate({ target: [grantReturns.grantId, grantReturns.dueOn], set: rest })
        .run();
    },
    /** A round copy's claims and returns of a grant, cleared before the office's newer ones are written. */
    clearDelivery(grantId: number): void {
      db.delete(grantClaims).where(eq(grantClaims.grantId, grantId)).run();
      db.delete(grantReturns).where(eq(grantReturns.grantId, grantId)).run();
    },
    addVariation(values: typeof grantVariations.$inferInsert): void {
      db.insert(grantVariations).values(values).run();
    },
    /** One grant's variations, oldest first. */
    variations(grantId: number) {
      return db
        .select()
        .from(grantVariations)
        .where(eq(grantVariations.grantId, grantId))
        .orderBy(asc(grantVariations.id))
        .all();
    },
    personNames(): Map<number, string> {
      return new Map(
        db
          .select({ id: people.id, name: people.name })
          .from(people)
          .all()
          .map((p) => [p.id, p.name]),
      );
    },
  };
}
