import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Connection } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { admitPerson } from '../../electron/handlers/identity';
import { unlockIdentity, type KdfParams } from '../../electron/identity/keys';
import { DEMO_PASSPHRASE } from '../../shared/people';

export function tempDir(prefix = 'tranche-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function tempDbFile(): string {
  return path.join(tempDir(), 'tranche.db');
}

/** Cheap key derivation for tests; each sealed key keeps the parameters it was made with. */
export const TEST_KDF: KdfParams = { algorithm: 'scrypt', N: 1 << 10, r: 8, p: 1 };
/** Every person the tests add has the demonstration's passphrase, so one helper unlocks anyone. */
export const TEST_PASSPHRASE = DEMO_PASSPHRASE;

/** A migrated database on a temporary file, and a handler context over it with a fixed clock. */
export function testContext(
  file = tempDbFile(),
  migrationsFolder = MIGRATIONS_FOLDER,
): {
  ctx: HandlerContext;
  connection: Connection;
  file: string;
} {
  const connection = openDatabase(file, { migrationsFolder });
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 10, 22, 9, 0, tick++)).toISOString();
  return {
    ctx: createContext(createStore(connection), '0.0.0-test', now, { kdf: TEST_KDF }),
    connection,
    file,
  };
}

/** Unlocks `ctx`'s own session as the named person, with their passphrase. */
export function unlockAs(ctx: HandlerContext, name: string, passphrase = TEST_PASSPHRASE): HandlerContext {
  const person = ctx.store.people.findByName(name);
  if (!person) throw new Error(`No person called ${name}`);
  // Synchronous for the tests' convenience; the app proves a passphrase off the thread (unlockPerson).
  const stored = ctx.store.identities.get(person.id);
  if (!stored) throw new Error(`${name} has no key`);
  let privateKey;
  try {
    privateKey = unlockIdentity({ ...stored, kdf: JSON.parse(stored.kdf) as KdfParams }, passphrase);
  } catch {
    throw new Error(`That is not ${name}'s passphrase`);
  }
  admitPerson(ctx, person, { privateKey, fingerprint: stored.fingerprint }, { remember: false });
  return ctx;
}

/** A second context over the same database, acting as the named person (their own session). */
export function actingAs(ctx: HandlerContext, name: string, passphrase = TEST_PASSPHRASE): HandlerContext {
  return unlockAs(createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF }), name, passphrase);
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * A copy of the migrations folder holding only the first `count` migrations, so a test can build
 * a database as an older release left it, fill it, then migrate it to the current schema.
 */
export function migrationsUpTo(count: number): string {
  const folder = tempDir('tranche-migrations-');
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const kept = journal.entries.slice(0, count);
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const entry of kept)
    cpSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

export function migrationCount(): number {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.length;
}
