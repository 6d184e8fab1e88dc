import { asc, count, eq, sql } from 'drizzle-orm';
import type { Partnership, PriorityNode } from '../../shared/organisations';
import type { TrancheDb } from '../connection';
import { groupBy } from '../group-by';
import { bids, partnershipAliases, partnerships, plans, priorities, rounds } from '../schema';

/** How names are compared: case, "&", punctuation and spacing do not matter. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\u2018\u2019'".,()]/g, '')
    .replace(/[\u2013\u2014-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PriorityInput {
  code: string;
  title: string;
  children?: PriorityInput[];
}

// long-function: the domain's query methods as one object from a factory; each method is short
export function organisationQueries(db: TrancheDb) {
  return {
    listPartnerships(): Partnership[] {
      const rows = db
        .select({
          id: partnerships.id,
          name: partnerships.name,
          area: partnerships.area,
          office: partnerships.office,
          bidCount: count(bids.id),
        })
        .from(partnerships)
        .leftJoin(bids, eq(bids.partnershipId, partnerships.id))
        .groupBy(partnerships.id)
        .orderBy(asc(partnerships.name))
        .all();
      const aliases = db.select().from(partnershipAliases).orderBy(asc(partnershipAliases.alias)).all();
      const aliasesOf = groupBy(aliases, (a) => a.partnershipId);
      return rows.map((row) => ({
        ...row,
        aliases: (aliasesOf.get(row.id) ?? []).map((a) => a.alias),
      }));
    },
    /** Every name and alias, normalised, to the partnership it identifies. */
    partnershipIndex(): Map<string, { id: number; name: string }> {
      const index = new Map<string, { id: number; name: string }>();
      const all = db.select({ id: partnerships.id, name: partnerships.name }).from(partnerships).all();
      for (const p of all) index.set(normaliseName(p.name), p);
      const byId = new Map(all.map((p) => [p.id, p]));
      for (const a of db.select().from(partnershipAliases).all()) {
        const owner = byId.get(a.partnershipId);
        if (owner && !index.has(normaliseName(a.alias))) index.set(normaliseName(a.alias), owner);
      }
      return index;
    },
    createPartnership(name: string, area: string | null, now: string, office = false): number {
      return db
        .insert(partnerships)
        .values({ name, area, office, createdAt: now })
        .returning({ id: partnerships.id })
        .get().id;
    },
    /** Makes a partnership one of the office's own, giving it an area if it has none. */
    markOffice(id: number, area: string | null): void {
      db.update(partnerships)
        .set({ office: true, ...(area ? { area } : {}) })
        .where(eq(partnerships.id, id))
        .run();
    },
    addAlias(partnershipId: number, alias: string): void {
      db.insert(partnershipAliases).values({ partnershipId, alias }).onConflictDoNothing().run();
    },
    findPlanByTitle(title: string) {
      return db
        .select()
        .from(plans)
        .where(sql`lower(${plans.title}) = lower(${title})`)
        .get();
    },
    createPlan(title: string, period: string, tree: PriorityInput[], now: string): number {
      const planId = db
        .insert(plans)
        .values({ title, period, createdAt: now })
        .returning({ id: plans.id })
        .get().id;
      const insert = (nodes: PriorityInput[], parentId: number | null) =>
        nodes.forEach((node, position) => {
          const id = db
            .insert(priorities)
            .values({ planId, parentId, code: node.code, title: node.title, position })
            .returning({ id: priorities.id })
            .get().id;
          insert(node.children ?? [], id);
        });
      insert(tree, null);
      return planId;
    },
    listPlans() {
      const planRows = db
        .select({ id: plans.id, title: plans.title, period: plans.period, roundCount: count(rounds.id) })
        .from(plans)
        .leftJoin(rounds, eq(rounds.planId, plans.id))
        .groupBy(plans.id)
        .orderBy(asc(plans.title))
        .all();
      const all = db.select().from(priorities).orderBy(asc(priorities.position)).all();
      const build = (planId: number, parentId: number | null): PriorityNode[] =>
        all
          .filter((p) => p.planId === planId && p.parentId === parentId)
          .map((p) => ({ id: p.id, code: p.code, title: p.title, children: build(planId, p.id) }));
      return planRows.map((plan) => ({ ...plan, priorities: build(plan.id, null) }));
    },
    /** Priority ids of a plan by code (any case). */
    priorityIdsByCode(planId: number): Map<string, number> {
      const rows = db
        .select({ id: priorities.id, code: priorities.code })
        .from(priorities)
        .where(eq(priorities.planId, planId))
        .all();
      return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
    },
    priorityPlans(ids: number[]): { id: number; planId: number }[] {
      if (ids.length === 0) return [];
      return db
        .select({ id: priorities.id, planId: priorities.planId })
        .from(priorities)
        .where(
          sql`${priorities.id} IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        )
        .all();
    },
  };
}
