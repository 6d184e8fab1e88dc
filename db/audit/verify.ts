import type Database from 'better-sqlite3';
import { GENESIS_HASH, sha256Hex } from './canonical';
import {
  chainHolds,
  changesHash,
  differencesFromChain,
  entryHash,
  type ChainHead,
  type EntryFields,
  type RowChange,
  type RowDifference,
} from './chain';
import { signedFrom, signerCheck } from './signers';
import { auditTablesPresent } from './tables';
import { EMPTIED, heldKeys } from './startup';
import { missingGuardTriggers } from './triggers';
import { canonicalJson as canonicalNoticeJson, noticeSignedText } from '../../shared/canonical-json';
import { signatureHolds } from './entry-signature';

// Checking the record: the chain links and hashes, every audited row against the last image the
// chain holds of it, and every signed notice's content against the fingerprint it was signed with.

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  /** What a reader should know but is no failure: entries and grants from before entries were signed. */
  notes: string[];
  /** For a database these are null; a notice file (verify FILE.pdf) fills them. */
  signedBy: string | null;
  signedOn: string | null;
  fingerprint: string | null;
  /** How many chain entries and rows were checked. */
  entries: number;
  rows: number;
}

/** A connection (better-sqlite3) or anything holding one, such as a Connection or Store. */
export type Verifiable = Database.Database | { sqlite: Database.Database };

export function verifyDatabase(target: Verifiable): VerifyReport {
  const sqlite = 'sqlite' in target ? target.sqlite : target;
  const problems: string[] = [];
  const notes: string[] = [];
  const report = (entries: number, rows: number): VerifyReport => ({
    ok: problems.length === 0,
    problems,
    notes,
    signedBy: null,
    signedOn: null,
    fingerprint: null,
    entries,
    rows,
  });
  if (!auditTablesPresent(sqlite)) {
    problems.push('The database has no audit chain (its schema is older than this version of Tranche)');
    return report(0, 0);
  }
  for (const name of missingGuardTriggers(sqlite))
    problems.push(`The audit chain's append-only guard ${name} has been removed`);
  checkBeginning(sqlite, problems);
  const entries = checkChain(sqlite, problems, notes);
  const differences = differencesFromChain(sqlite);
  for (const d of differences) problems.push(describeDifference(d));
  const unsealed = sqlite.prepare('SELECT count(*) FROM audit_pending').pluck().get() as number;
  if (unsealed > 0) problems.push(`${unsealed} change(s) were noted but not yet sealed into the audit chain`);
  checkSignedNotices(sqlite, problems);
  const rows = sqlite
    // Distinct pairs walked in their index (a concatenation would need a sort of every change).
    .prepare('SELECT count(*) FROM (SELECT DISTINCT table_name, row_key FROM audit_changes)')
    .pluck()
    .get() as number;
  return report(entries, rows);
}

/**
 * The chain begins once, before anyone held a key: an empty chain beside keys, or one that begins
 * by recording keys, was emptied or cut and begun again.
 */
function checkBeginning(sqlite: Database.Database, problems: string[]) {
  const first = sqlite.prepare('SELECT seq, operation FROM audit_entries ORDER BY seq LIMIT 1').get() as
    { seq: number; operation: string } | undefined;
  if (!first) {
    if (heldKeys(sqlite) > 0) problems.push(EMPTIED);
    return;
  }
  if (first.seq !== 1)
    problems.push(`The audit chain starts at entry ${first.seq}: the entries before it were deleted`);
  const keysAtBeginning = sqlite
    .prepare("SELECT count(*) FROM audit_changes WHERE entry_seq = ? AND table_name = 'person_keys'")
    .pluck()
    .get(first.seq) as number;
  if (first.operation === 'audit:begin' && keysAtBeginning > 0)
    problems.push(
      'The audit chain begins after people held keys: it was emptied and begun again, so the history before ' +
        'it is lost',
    );
}

function checkChain(sqlite: Database.Database, problems: string[], notes: string[]): number {
  const signers = signerCheck(sqlite, signedFrom(sqlite));
  // Every entry's changes in one pass beside the entries, not a query per entry.
  const changes = changeStream(sqlite);
  let previous = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  try {
    for (const row of sqlite.prepare('SELECT * FROM audit_entries ORDER BY seq').iterate() as Iterable<
      Record<string, unknown>
    >) {
      count++;
      const fields = entryFields(row);
      const name = `audit entry ${fields.seq} (${fields.operation}, ${fields.at})`;
      if (fields.seq !== expected)
        problems.push(`The audit chain skips from entry ${expected - 1} to ${fields.seq}`);
      const recorded = changes.of(fields.seq);
      if (fields.prevHash !== previous)
        problems.push(`${name} does not link to the entry before it: the chain was cut or reordered`);
      if (changesHash(recorded) !== fields.changesHash)
        problems.push(`${name}: the rows it records were changed after it was written`);
      if (entryHash(fields) !== row.hash) problems.push(`${name} was changed after it was written`);
      signers.entry(
        fields,
        String(row.hash),
        typeof row.signature === 'string' ? row.signature : null,
        recorded,
      );
      previous = String(row.hash);
      expected = fields.seq + 1;
    }
  } finally {
    // Changes past the last entry (none, in a whole chain) would keep the connection busy.
    changes.close();
  }
  signers.finish();
  problems.push(...signers.problems);
  notes.push(...signers.notes);
  return count;
}

/** The chain's changes in entry order, handed out an entry at a time (entries come in order). */
function changeStream(sqlite: Database.Database) {
  // As arrays (entry, table, key, op, image): no object built for each of a million changes.
  type Row = [number, string, string, RowChange['op'], string | null];
  const rows = (
    sqlite
      .prepare(
        'SELECT entry_seq, table_name, row_key, op, image FROM audit_changes ORDER BY entry_seq, position',
      )
      .raw()
      .iterate() as IterableIterator<Row>
  )[Symbol.iterator]();
  let next = rows.next();
  return {
    of(seq: number): RowChange[] {
      const found: RowChange[] = [];
      while (!next.done && next.value[0] <= seq) {
        const [entrySeq, table, key, op, image] = next.value;
        if (entrySeq === seq) found.push({ table, key, op, image });
        next = rows.next();
      }
      return found;
    },
    close() {
      rows.return?.();
    },
  };
}

function entryFields(row: Record<string, unknown>): EntryFields {
  return {
    seq: Number(row.seq),
    at: String(row.at),
    personId: row.person_id === null ? null : Number(row.person_id),
    personName: row.person_name === null ? null : String(row.person_name),
    keyFingerprint: row.key_fingerprint === null ? null : String(row.key_fingerprint),
    operation: String(row.operation),
    rounds: String(row.rounds),
    summary: String(row.summary),
    input: String(row.input),
    changesHash: String(row.changes_hash),
    prevHash: String(row.prev_hash),
  };
}

function describeKey(key: string): string {
  const parsed = JSON.parse(key) as Record<string, unknown>;
  return Object.entries(parsed)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
}

function describeDifference(d: RowDifference): string {
  const where = `${d.table} row (${describeKey(d.key)})`;
  if (d.recordedIn === null) return `${where} is not in the audit chain: it was added outside Tranche`;
  if (d.op === 'delete')
    return `${where} was deleted outside Tranche (last recorded by audit entry ${d.recordedIn})`;
  const columns = changedColumns(d);
  return `${where} does not match audit entry ${d.recordedIn}${columns}: it was changed outside Tranche`;
}

/** Names the columns that differ, when the chain still holds the row's image. */
function changedColumns(d: RowDifference): string {
  if (!d.image || !d.recordedImage) return '';
  const now = JSON.parse(d.image) as Record<string, unknown>;
  const then = JSON.parse(d.recordedImage) as Record<string, unknown>;
  const columns = [...new Set([...Object.keys(now), ...Object.keys(then)])].filter(
    (c) => JSON.stringify(now[c]) !== JSON.stringify(then[c]),
  );
  return columns.length > 0 ? ` (${columns.join(', ')})` : '';
}

/**
 * A signed notice's fingerprint is the SHA-256 of its frozen content; recomputing it from the
 * stored content shows whether the content was edited since signing.
 */
function checkSignedNotices(sqlite: Database.Database, problems: string[]) {
  const signed = sqlite
    .prepare(
      // Every column: a database from before notices were signed has no signature columns yet.
      "SELECT * FROM notices WHERE status IN ('signed', 'superseded') AND content IS NOT NULL",
    )
    .all() as {
    id: number;
    round_id: number;
    number: string;
    status: string;
    content: string;
    fingerprint: string | null;
    signature?: string | null;
    signer_public_key?: string | null;
  }[];
  for (const notice of signed) {
    const where = `notices row (id ${notice.id}): decision ${notice.number}`;
    if (noticeContentFingerprint(notice.content) !== notice.fingerprint) {
      problems.push(`${where}: its content no longer matches the fingerprint it was signed with`);
      continue;
    }
    checkNoticeSeal(sqlite, notice, where, problems);
    if (notice.status === 'signed') checkDecisionAgainstAllocation(sqlite, notice, where, problems);
  }
}

/**
 * The commissioner's Ed25519 signature over the content (a notice signed before notices carried
 * signatures has none), and the audit chain's head at signing, which the chain must still hold.
 */
function checkNoticeSeal(
  sqlite: Database.Database,
  notice: { content: string; signature?: string | null; signer_public_key?: string | null },
  where: string,
  problems: string[],
) {
  const content = JSON.parse(notice.content) as { chainHead?: ChainHead | null };
  if (notice.signature || notice.signer_public_key) {
    const signed = Buffer.from(noticeSignedText(content), 'utf8');
    if (!signatureHolds(notice.signer_public_key ?? '', signed, notice.signature ?? ''))
      problems.push(`${where}: the commissioner's signature does not hold over its content: it was changed`);
  }
  const head = content.chainHead;
  if (head && !chainHolds(sqlite, head))
    problems.push(
      `${where} was signed when the audit chain stood at entry ${head.seq}, but the chain no longer holds ` +
        'that entry as it was: the chain was re-written since',
    );
}

/**
 * A decision in force (signed, not superseded) must still describe the round's allocation: the
 * same bids, the same amounts. Re-derived from the record, so a change that went round the lock
 * shows even when the chain recorded it.
 */
function checkDecisionAgainstAllocation(
  sqlite: Database.Database,
  notice: { round_id: number; content: string },
  where: string,
  problems: string[],
) {
  let decisions: { ref: string; awardedPence: number }[];
  try {
    decisions =
      (JSON.parse(notice.content) as { decisions?: { ref: string; awardedPence: number }[] }).decisions ?? [];
  } catch {
    return; // unreadable content already fails its fingerprint
  }
  const allocated = new Map(
    (
      sqlite
        .prepare(
          'SELECT b.ref AS ref, a.amount_pence AS amount FROM allocation_items a ' +
            'JOIN bids b ON b.id = a.bid_id WHERE a.round_id = ? AND a.amount_pence > 0',
        )
        .all(notice.round_id) as { ref: string; amount: number }[]
    ).map((r) => [r.ref, r.amount]),
  );
  const signedRefs = new Set<string>();
  for (const d of decisions) {
    signedRefs.add(d.ref);
    const now = allocated.get(d.ref);
    if (now !== d.awardedPence)
      problems.push(
        `${where} awards ${d.ref} ${d.awardedPence} pence, but the allocation now gives ${now ?? 0} pence`,
      );
  }
  for (const [ref, amount] of allocated)
    if (!signedRefs.has(ref))
      problems.push(`${where} does not fund ${ref}, but the allocation now gives it ${amount} pence`);
}

export function noticeContentFingerprint(content: string): string {
  try {
    // As signing computes it (electron/identity/notice-seal.ts): SHA-256 of the canonical content.
    return sha256Hex(canonicalNoticeJson(JSON.parse(content)));
  } catch {
    return 'unreadable';
  }
}
