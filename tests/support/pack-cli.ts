import Database from 'better-sqlite3';
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli, type CliIo } from '../../electron/cli/run';
import { unlockIdentity, type KdfParams } from '../../electron/identity/keys';
import { readPack, writePack } from '../../electron/packs/format';
import type { PackBody } from '../../shared/packs';
import { TEST_KDF } from './temp-db';

// The command line as tests of packs run it, laptop by laptop, and what they check a database with.

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, io: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
    ...io,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Every row of every table (or every table but the audit chain's), read without writing. */
export function hashOf(file: string, options: { withoutAudit?: boolean } = {}): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const name of tables) {
    if (options.withoutAudit && name.startsWith('audit_')) continue;
    hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()));
  }
  db.close();
  return hash.digest('hex');
}

/** A person's private key from their own laptop's database, as only their passphrase unlocks it. */
export function keyOf(file: string, name: string, passphrase: string): KeyObject {
  const db = new Database(file, { readonly: true });
  const sealed = db
    .prepare('SELECT k.* FROM person_keys k JOIN people p ON p.id = k.person_id WHERE p.name = ?')
    .get(name) as {
    public_key: string;
    sealed_private_key: string;
    salt: string;
    nonce: string;
    kdf: string;
  };
  db.close();
  return unlockIdentity(
    {
      publicKey: sealed.public_key,
      sealedPrivateKey: sealed.sealed_private_key,
      salt: sealed.salt,
      nonce: sealed.nonce,
      kdf: JSON.parse(sealed.kdf) as KdfParams,
    },
    passphrase,
  );
}

/** A pack re-made and re-signed by the test, as a forger (or a damaged laptop) would. */
export function resign(file: string, change: (body: PackBody) => void, key: KeyObject): Buffer {
  const { body } = readPack(readFileSync(file));
  change(body);
  body.header.packId = randomUUID();
  return writePack(body, key);
}
