import { and, asc, eq } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { bids, boardViews, people, shortlistOverrides, shortlistRules } from '../schema';

// The board: its shortlist rule, the lead officer's overrides, and members' views on bids.

// long-function: the domain's query methods as one object from a factory; each method is short
export function boardQueries(db: TrancheDb) {
  return {
    rule(roundId: number) {
      return db.select().from(shortlistRules).where(eq(shortlistRules.roundId, roundId)).get();
    },
    setRule(roundId: number, rule: 'threshold' | 'top' | 'manual', topN: number | null, now: string): void {
      db.insert(shortlistRules)
        .values({ roundId, rule, topN, updatedAt: now })
        .onConflictDoUpdate({ target: shortlistRules.roundId, set: { rule, topN, updatedAt: now } })
        .run();
    },
    overrides(roundId: number) {
      return db
        .select({
          bidId: shortlistOverrides.bidId,
          included: shortlistOverrides.included,
          reason: shortlistOverrides.reason,
          by: people.name,
          at: shortlistOverrides.at,
        })
        .from(shortlistOverrides)
        .leftJoin(people, eq(shortlistOverrides.personId, people.id))
        .where(eq(shortlistOverrides.roundId, roundId))
        .all();
    },
    setOverride(
      roundId: number,
      bidId: number,
      included: boolean,
      reason: string,
      personId: number | null,
      now: string,
    ): void {
      db.insert(shortlistOverrides)
        .values({ roundId, bidId, included, reason, personId, at: now })
        .onConflictDoUpdate({
          target: [shortlistOverrides.roundId, shortlistOverrides.bidId],
          set: { included, reason, personId, at: now },
        })
        .run();
    },
    clearOverride(roundId: number, bidId: number): void {
      db.delete(shortlistOverrides)
        .where(and(eq(shortlistOverrides.roundId, roundId), eq(shortlistOverrides.bidId, bidId)))
        .run();
    },
    recordView(
      bidId: number,
      personId: number,
      view: 'support' | 'support_with_conditions' | 'do_not_support',
      comment: string,
      meetingOn: string | null,
      now: string,
    ): void {
      db.insert(boardViews)
        .values({ bidId, personId, view, comment, meetingOn, at: now })
        .onConflictDoUpdate({
          target: [boardViews.bidId, boardViews.personId],
          set: { view, comment, meetingOn, at: now },
        })
        .run();
    },
    views(roundId: number) {
      return db
        .select({
          bidId: boardViews.bidId,
          person: people.name,
          view: boardViews.view,
          comment: boardViews.comment,
          meetingOn: boardViews.meetingOn,
          at: boardViews.at,
        })
        .from(boardViews)
        .innerJoin(bids, eq(boardViews.bidId, bids.id))
        .innerJoin(people, eq(boardViews.personId, people.id))
        .where(eq(bids.roundId, roundId))
        .orderBy(asc(people.name))
        .all();
    },
  };
}
