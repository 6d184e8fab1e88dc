import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { people, settings } from '../schema';

// People: who they are, their roles, and retiring them.

type Role = (typeof people.$inferSelect)['role'];

/** A person as handlers see them: retired people stay in the record (and in its history). */
const PERSON_COLUMNS = { id: people.id, name: people.name, role: people.role, retiredAt: people.retiredAt };

export function peopleQueries(db: TrancheDb) {
  return {
    list() {
      return db.select(PERSON_COLUMNS).from(people).orderBy(asc(people.name)).all();
    },
    count(): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(people)
          .get()?.n ?? 0
      );
    },
    get(id: number) {
      return db.select(PERSON_COLUMNS).from(people).where(eq(people.id, id)).get();
    },
    findByName(name: string) {
      return db
        .select(PERSON_COLUMNS)
        .from(people)
        .where(sql`lower(${people.name}) = lower(${name.trim()})`)
        .get();
    },
    create(name: string, role: Role, now: string): number {
      return db.insert(people).values({ name, role, createdAt: now }).returning({ id: people.id }).get().id;
    },
    setRole(id: number, role: Role): void {
      db.update(people).set({ role }).where(eq(people.id, id)).run();
    },
    retire(id: number, now: string): void {
      db.update(people).set({ retiredAt: now }).where(eq(people.id, id)).run();
    },
    /** Lead officers who have not retired: the office always keeps one. */
    activeLeadCount(): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(people)
          .where(and(eq(people.role, 'lead_officer'), isNull(people.retiredAt)))
          .get()?.n ?? 0
      );
    },
    setting(key: string): string | undefined {
      return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
    },
    setSetting(key: string, value: string): void {
      db.insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } })
        .run();
    },
  };
}
