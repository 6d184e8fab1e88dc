import Database from 'better-sqlite3';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { keyFingerprint, rawPublicKey, unlockIdentity, type KdfParams } from '../../electron/identity/keys';
import { readPack, writePack } from '../../electron/packs/format';
import type { PackBody } from '../../shared/packs';
import { TEST_KDF, TEST_PASSPHRASE, tempDir } from '../support/temp-db';

// Two laptops, two databases: the office sends an assessor pack, the assessor opens it on a new
// installation with the enrolment code, declares, scores and returns; the office receives it.
// Whatever is refused on the way leaves the office's database exactly as it was.

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const EVE_PASSPHRASE = 'eve on the train';
const AUDIT = /^audit_/;

/** Every row of every table (or every table but the audit chain's), read without writing. */
function hashOf(file: string, options: { withoutAudit?: boolean } = {}): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const name of tables) {
    if (options.withoutAudit && AUDIT.test(name)) continue;
    hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()));
  }
  db.close();
  return hash.digest('hex');
}

/** A return pack re-made and re-signed by the test, as a forger (or a damaged file) would. */
function resign(
  file: string,
  change: (body: PackBody) => void,
  key: ReturnType<typeof generateKeyPairSync>['privateKey'],
) {
  const { body } = readPack(readFileSync(file));
  change(body);
  body.header.packId = randomUUID();
  return writePack(body, key);
}

describe('packs between two laptops on the command line', () => {
  it('carries an assessment from the office to an assessor and back, refusing every forgery', async () => {
    const officeDir = tempDir('tranche-office-');
    const laptopDir = tempDir('tranche-laptop-');
    const office = path.join(officeDir, 'tranche.db');
    const laptop = path.join(laptopDir, 'tranche.db');
    const asDan = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE, TRANCHE_NEW_PASSPHRASE: 'office copy of a key' };
    const atOffice = (...args: string[]) => cli(['--db', office, '--as', 'Dan Hughes', ...args], asDan);
    const asEve = { TRANCHE_PASSPHRASE: EVE_PASSPHRASE };
    const onLaptop = (...args: string[]) => cli(['--db', laptop, ...args], asEve);

    // The office: the 2013 Invest to Save round as it stood during assessment, a new assessor assigned.
    expect((await cli(['--db', office, 'demo'])).code).toBe(0);
    // Back to assessment, as a lead officer does it (a write past Tranche would not verify).
    const back = ['stage', '--round', '1', '--to', 'assessment', '--reason', 'An assessor joins late'];
    expect((await atOffice(...back)).code).toBe(0);
    expect((await atOffice('people', 'add', '--name', 'Eve Ward', '--role', 'policy officer')).code).toBe(0);
    expect((await atOffice('assign', '--round', '1', '--assessor', 'Eve Ward', '--all')).code).toBe(0);
    const rankingBefore = JSON.parse((await atOffice('rank', '--round', '1', '--json')).stdout) as {
      ref: string;
      assessorCount: number;
    }[];

    const packFile = path.join(officeDir, 'eve.tranche');
    const made = await atOffice(
      'pack',
      'assessor',
      '--round',
      '1',
      '--assessor',
      'Eve Ward',
      '--out',
      packFile,
      '--json',
    );
    expect(made.code, made.stderr).toBe(0);
    const { enrolmentCode, to } = JSON.parse(made.stdout) as { enrolmentCode: string; to: { name: string } };
    expect(enrolmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(to.name).toBe('Eve Ward');
    const packText = readPack(readFileSync(packFile));
    expect(JSON.stringify(packText.body)).not.toMatch(/sealedPrivateKey|"salt"|"nonce"|passphrase/i);
    expect(JSON.stringify(packText.body)).not.toContain(enrolmentCode);

    // The laptop, a new installation: without the code, or with a wrong one, nothing opens.
    const newEve = { TRANCHE_NEW_PASSPHRASE: EVE_PASSPHRASE };
    const noCode = await cli(['--db', laptop, 'pack', 'open', packFile], newEve);
    expect(noCode).toMatchObject({ code: 2, stderr: expect.stringContaining('give the enrolment code') });
    const wrong = await cli(
      ['--db', laptop, 'pack', 'open', packFile, '--enrolment-code', 'ABCD-EFGH-JKLM'],
      newEve,
    );
    expect(wrong).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('enrolment code does not match'),
    });
    const opened = await cli(
      ['--db', laptop, 'pack', 'open', packFile, '--enrolment-code', enrolmentCode.toLowerCase(), '--json'],
      newEve,
    );
    expect(opened.code, opened.stderr).toBe(0);
    const copy = JSON.parse(opened.stdout) as { kind: string; roundId: number; from: { name: string } };
    expect(copy).toMatchObject({ kind: 'assessor', from: { name: 'Dan Hughes' } });
    const round = String(copy.roundId);
    // Opening the same pack again changes nothing.
    const laptopOpened = hashOf(laptop, { withoutAudit: true });
    expect((await onLaptop('pack', 'open', packFile)).stdout).toContain('Already opened');
    expect(hashOf(laptop, { withoutAudit: true })).toBe(laptopOpened);

    // Eve's copy: the bids assigned to her, read-only but for her own work.
    const bids = JSON.parse((await onLaptop('bids', 'list', '--round', round, '--json')).stdout) as {
      ref: string;
    }[];
    expect(bids.map((b) => b.ref).sort()).toEqual(rankingBefore.map((r) => r.ref).sort());
    const moreBids = path.join(laptopDir, 'bids.csv');
    writeFileSync(moreBids, 'Ref,Partnership,Project,Amount\nZ1,Walsall,One more,£10k\n');
    expect(await onLaptop('import', 'bids', moreBids, '--round', round)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('This round is a copy from your office'),
    });
    expect(
      await onLaptop('declare', '--round', round, '--assessor', 'Dan Hughes', '--all', '--none'),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining("not Dan Hughes's") });
    expect(
      (await onLaptop('declare', '--round', round, '--assessor', 'Eve Ward', '--all', '--none')).code,
    ).toBe(0);
    const firstReturn = path.join(laptopDir, 'return-1.tranche');
    expect((await onLaptop('pack', 'return', '--round', round, '--out', firstReturn)).code).toBe(0);

    // She scores every bid (a row for anyone else is refused), submitting as the import does.
    const framework = JSON.parse(
      (await onLaptop('framework', 'show', '--round', round, '--json')).stdout,
    ) as {
      criteria: { code: string; gateway: boolean }[];
    };
    const rows = bids.flatMap((b) =>
      framework.criteria.map(
        (c) =>
          `${b.ref},Eve Ward,${c.code},${c.gateway ? 1 : 3},Scored offline against the published descriptors`,
      ),
    );
    const header = 'bid,assessor,criterion,score,justification';
    const someoneElse = path.join(laptopDir, 'others.csv');
    writeFileSync(someoneElse, [header, rows[0]!.replace('Eve Ward', 'Dan Hughes')].join('\n'));
    expect((await onLaptop('import', 'scores', someoneElse, '--round', round)).code).toBe(2);
    const scoresFile = path.join(laptopDir, 'scores.csv');
    writeFileSync(scoresFile, [header, ...rows].join('\n'));
    const imported = await onLaptop('import', 'scores', scoresFile, '--round', round);
    expect(imported.code, imported.stderr).toBe(0);
    const secondReturn = path.join(laptopDir, 'return-2.tranche');
    expect((await onLaptop('pack', 'return', '--round', round, '--out', secondReturn)).code).toBe(0);

    // The office receives the newer return: every declaration, score and submission is added.
    const received = await atOffice('pack', 'receive', secondReturn, '--json');
    expect(received.code, received.stderr).toBe(0);
    const result = JSON.parse(received.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      kind: 'return',
      from: { name: 'Eve Ward' },
      round: { id: 1, name: '2013-14 tranche 2' },
      unchanged: 0,
      conflicts: [],
    });
    expect(result.added).toBe(bids.length * (1 + framework.criteria.length + 1));
    const ranking = JSON.parse((await atOffice('rank', '--round', '1', '--json')).stdout) as {
      ref: string;
      assessorCount: number;
    }[];
    for (const bid of ranking)
      expect(bid.assessorCount, bid.ref).toBe(
        rankingBefore.find((b) => b.ref === bid.ref)!.assessorCount + 1,
      );

    // The same return again changes nothing but the audit chain's note that it was received.
    const merged = hashOf(office, { withoutAudit: true });
    const again = JSON.parse((await atOffice('pack', 'receive', secondReturn, '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(again).toMatchObject({ added: 0, unchanged: result.added, conflicts: [] });
    expect(hashOf(office, { withoutAudit: true })).toBe(merged);

    // Refusals: each exits 2 with its reason on one line, and the office's database is untouched.
    const before = hashOf(office);
    const refused = async (file: string, reason: string | RegExp) => {
      const outcome = await atOffice('pack', 'receive', file);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr.split('\n')).toHaveLength(1);
      expect(outcome.stderr).toMatch(reason);
      expect(hashOf(office)).toBe(before);
    };
    // An older return after a newer one.
    await refused(
      firstReturn,
      /older than the return already received from Eve Ward on .+ \(UTC\); nothing was changed/,
    );
    // One byte changed.
    const bytes = readFileSync(secondReturn);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    const damaged = path.join(laptopDir, 'damaged.tranche');
    writeFileSync(damaged, bytes);
    await refused(damaged, /^tranche: The pack (is damaged|'s signature does not match)/);
    // Signed by another key than the one pinned for Eve.
    const { privateKey: otherKey, publicKey: otherPublic } = generateKeyPairSync('ed25519');
    const other = rawPublicKey(otherPublic).toString('base64');
    const forged = path.join(laptopDir, 'forged.tranche');
    writeFileSync(
      forged,
      resign(
        secondReturn,
        (body) => {
          body.header.from.publicKey = other;
          body.header.from.fingerprint = keyFingerprint(other);
          body.header.sequence = 99;
        },
        otherKey,
      ),
    );
    await refused(forged, /signed by a key this database does not know for Eve Ward/);
    // A return (truly Eve's, signed with her key) for a round the office does not hold.
    const laptopDb = new Database(laptop, { readonly: true });
    const sealed = laptopDb
      .prepare("SELECT k.* FROM person_keys k JOIN people p ON p.id = k.person_id WHERE p.name = 'Eve Ward'")
      .get() as { public_key: string; sealed_private_key: string; salt: string; nonce: string; kdf: string };
    laptopDb.close();
    const eveKey = unlockIdentity(
      {
        publicKey: sealed.public_key,
        sealedPrivateKey: sealed.sealed_private_key,
        salt: sealed.salt,
        nonce: sealed.nonce,
        kdf: JSON.parse(sealed.kdf) as KdfParams,
      },
      EVE_PASSPHRASE,
    );
    const elsewhere = path.join(laptopDir, 'elsewhere.tranche');
    writeFileSync(
      elsewhere,
      resign(
        secondReturn,
        (body) => {
          body.header.round = { uid: randomUUID(), name: 'Another round', financialYear: null };
          body.header.sequence = 100;
        },
        eveKey,
      ),
    );
    await refused(elsewhere, /for round "Another round", which is not one of this office's rounds/);
    // An assessor pack is opened on the assessor's laptop, not received at the office.
    await refused(packFile, /opens on Eve Ward's laptop/);

    // Both records still verify: every pack's work is in each database's audit chain.
    for (const db of [office, laptop]) {
      const verified = await cli(['--db', db, 'verify']);
      expect(verified.code, verified.stdout).toBe(0);
    }
  }, 120_000);
});
