import type Database from 'better-sqlite3';
import { Refusal } from './refusal';

// The office's public key file (`people publish-key`), for its website: the sitting commissioner's
// key, with the record of how they came to hold the role and the key, each step naming who did it
// and the key that signed it. Anyone holding a notice checks it with `verify FILE.pdf --key` and the
// fingerprint published here. Everything in it is public: no private key, no sealed key.

export const OFFICE_KEY_FORMAT = 'tranche-office-key/1';

interface KeyRow {
  personId: number;
  name: string;
  publicKey: string;
  fingerprint: string;
  via: string;
}

export interface OfficeKeyFile {
  format: typeof OFFICE_KEY_FORMAT;
  /** This office database's id (every backup of it keeps it). */
  office: string | null;
  publishedAt: string;
  commissioner: { name: string; keys: { fingerprint: string; publicKey: string; heldBy: string }[] };
  history: {
    entry: number;
    at: string;
    what: string;
    by: string | null;
    signedWith: string | null;
  }[];
  /**
   * The commissioners' signed approvals that put the sitting commissioner in office, newest first:
   * each hand-over back to the office's first commissioner, who needed none. Anyone checks each
   * `signature` over `statement` with the approver's public key, which is the key of the one
   * approved in the next (older) approval.
   */
  approvals: {
    name: string;
    role: string;
    approvedAt: string;
    statement: string;
    signature: string;
    approvedBy: { name: string; fingerprint: string; publicKey: string | null };
  }[];
}

function sittingCommissioner(sqlite: Database.Database): { id: number; name: string } {
  const sitting = sqlite
    // The one acting as commissioner: a commissioner waiting for approval holds no office yet.
    .prepare(
      `SELECT id, name FROM people WHERE retired_at IS NULL
         AND (CASE WHEN pending_since IS NULL THEN role ELSE role_before END) = 'commissioner' ORDER BY id`,
    )
    .all() as { id: number; name: string }[];
  if (sitting.length === 0)
    throw new Refusal('conflict', 'This office has no commissioner yet: there is no key to publish');
  if (sitting.length > 1)
    throw new Refusal(
      'conflict',
      `This office has ${sitting.length} commissioners (${sitting.map((p) => p.name).join(', ')}): ` +
        'retire the one who is no longer in office before publishing the key',
    );
  return sitting[0]!;
}

function keysOf(sqlite: Database.Database, personId: number): KeyRow[] {
  return sqlite
    .prepare(
      `SELECT p.id AS personId, p.name, k.public_key AS publicKey, k.fingerprint, 'this office' AS via
         FROM person_keys k JOIN people p ON p.id = k.person_id WHERE p.id = ?
       UNION ALL
       SELECT p.id, p.name, k.public_key, k.fingerprint, 'their own laptop (' || k.via || ')'
         FROM pinned_keys k JOIN people p ON p.id = k.person_id WHERE p.id = ?`,
    )
    .all(personId, personId) as KeyRow[];
}

/** How the commissioner came to hold the role and their key, from the audit chain. */
function historyOf(sqlite: Database.Database, personId: number): OfficeKeyFile['history'] {
  const rows = sqlite
    .prepare(
      `SELECT e.seq, e.at, e.operation, e.person_name, e.key_fingerprint, c.table_name, c.op, c.image
         FROM audit_changes c JOIN audit_entries e ON e.seq = c.entry_seq
        WHERE (c.table_name = 'people' AND c.row_key = ?)
           OR (c.table_name IN ('person_keys', 'pinned_keys') AND c.row_key = ?)
           OR (c.table_name = 'role_approvals' AND c.op = 'insert' AND json_extract(c.image, '$.person_id') = ?)
        ORDER BY e.seq, c.position`,
    )
    .all(JSON.stringify({ id: personId }), JSON.stringify({ person_id: personId }), personId) as {
    seq: number;
    at: string;
    operation: string;
    person_name: string | null;
    key_fingerprint: string | null;
    table_name: string;
    op: string;
    image: string | null;
  }[];
  let role: string | null = null;
  let key: string | null = null;
  const history: OfficeKeyFile['history'] = [];
  for (const row of rows) {
    const image = row.image ? (JSON.parse(row.image) as Record<string, unknown>) : {};
    let what: string | null = null;
    if (row.table_name === 'role_approvals') {
      what =
        `approved as ${String(image.role).replace('_', ' ')} by the commissioner, signed with key ` +
        String(image.approver_fingerprint);
    } else if (row.table_name === 'people') {
      const now = String(image.role ?? '');
      if (now !== role)
        what = `${String(image.name)} given the role ${now.replace('_', ' ')} (${row.operation})`;
      if (image.retired_at && row.op !== 'insert') what = `${String(image.name)} retired (${row.operation})`;
      role = now;
    } else if (image.fingerprint && image.fingerprint !== key) {
      what = `key ${String(image.fingerprint)} recorded (${row.operation})`;
      key = String(image.fingerprint);
    }
    if (what)
      history.push({
        entry: row.seq,
        at: row.at,
        what,
        by: row.person_name,
        signedWith: row.key_fingerprint,
      });
  }
  return history;
}

interface ApprovalRow {
  name: string;
  role: string;
  approvedAt: string;
  statement: string;
  signature: string;
  approverId: number;
  approverName: string;
  fingerprint: string;
  publicKey: string | null;
}

/** The approvals of commissioners from `personId` back to the first (see OfficeKeyFile.approvals). */
function approvalsOf(sqlite: Database.Database, personId: number): OfficeKeyFile['approvals'] {
  const approvalOf = sqlite.prepare(
    `SELECT p.name, a.role, a.approved_at AS approvedAt, a.statement, a.signature,
            a.approved_by AS approverId, b.name AS approverName, a.approver_fingerprint AS fingerprint,
            (SELECT k.public_key FROM person_keys k
              WHERE k.person_id = a.approved_by AND k.fingerprint = a.approver_fingerprint) AS publicKey
       FROM role_approvals a JOIN people p ON p.id = a.person_id JOIN people b ON b.id = a.approved_by
      WHERE a.person_id = ? AND a.role = 'commissioner' ORDER BY a.id DESC LIMIT 1`,
  );
  const approvals: OfficeKeyFile['approvals'] = [];
  const seen = new Set<number>();
  let row = approvalOf.get(personId) as ApprovalRow | undefined;
  while (row && !seen.has(row.approverId)) {
    seen.add(row.approverId);
    approvals.push({
      name: row.name,
      role: row.role,
      approvedAt: row.approvedAt,
      statement: row.statement,
      signature: row.signature,
      approvedBy: { name: row.approverName, fingerprint: row.fingerprint, publicKey: row.publicKey },
    });
    row = approvalOf.get(row.approverId) as ApprovalRow | undefined;
  }
  return approvals;
}

export function officeKeyFile(sqlite: Database.Database, now: string): OfficeKeyFile {
  const commissioner = sittingCommissioner(sqlite);
  const keys = keysOf(sqlite, commissioner.id);
  if (keys.length === 0)
    throw new Refusal(
      'conflict',
      `${commissioner.name} has no key yet: they set their passphrase (or return a pack) before the key is published`,
    );
  const office = sqlite.prepare('SELECT id FROM office_identity LIMIT 1').pluck().get() as string | undefined;
  return {
    format: OFFICE_KEY_FORMAT,
    office: office ?? null,
    publishedAt: now,
    commissioner: {
      name: commissioner.name,
      keys: keys.map((k) => ({ fingerprint: k.fingerprint, publicKey: k.publicKey, heldBy: k.via })),
    },
    history: historyOf(sqlite, commissioner.id),
    approvals: approvalsOf(sqlite, commissioner.id),
  };
}
