import type Database from 'better-sqlite3';
import { isChannel } from '../../shared/channels';
import type { Role } from '../../shared/people';
import { ruleFor, writes } from '../../shared/rule-book';
import type { EntryFields, RowChange } from './chain';
import { approvalProblems, laptopCopyState, type ApprovalPersonState } from './approval-check';
import { enrolmentProofHolds } from './enrolment-proof';
import { entrySignatureHolds, fingerprintOfPublicKey } from './entry-signature';

// Who wrote each entry. Walking the chain in order, this keeps every person's key and role as the
// chain had recorded them by then, and checks each entry's signature against the key its person
// held at that moment, and their role against the one the rule book required for the operation.
// An entry may go unsigned only while nobody held a key yet (a new office setting up), before
// entries were signed (an older database: a note), or as one of the named kinds below.

/** The entries that nobody does, and what each may change. */
const WATCHED = new Set(['person_keys', 'pinned_keys', 'people', 'notices', 'enrolment_codes']);

const UNSIGNED_KINDS: Record<string, (change: RowChange, seen: ReadonlySet<string>) => boolean> = {
  // The chain's first entry records every row as it stood (checked in verify.ts: entry 1 only).
  'audit:begin': () => true,
  // A migration rewrites rows in form (a new column), never in substance: every value a row had
  // stays; it may fill a table the chain never held before, and delete nothing.
  'db:migrate': migrationChange,
  // A wrong passphrase, and the right one after wrong ones, change only that person's lock count.
  'people:wrongPassphrase': lockoutChange,
  'people:passphraseAccepted': lockoutChange,
  // A person choosing their first passphrase with their enrolment code is nobody yet: it gives a key
  // to someone who had none, and marks their code used. Nothing else; and the key given must carry
  // the proof their code makes (keyGiven below), whoever else was at the computer.
  'people:enrol': enrolmentChange,
};

function enrolmentChange(change: RowChange): boolean {
  if (change.table === 'person_keys') return change.op === 'insert';
  return change.table === 'enrolment_codes' && change.op === 'update';
}

/** What is done to the record itself, outside any channel (electron/cli/record-copies.ts), and by whom. */
const RECORD_ACTS: Record<string, readonly Role[]> = {
  'db:backup': ['lead_officer'],
  'db:restore': ['lead_officer'],
};

export const UNSIGNED_KIND_NAMES = Object.keys(UNSIGNED_KINDS);

function lockoutChange(change: RowChange): boolean {
  if (change.table !== 'settings') return false;
  const key = (JSON.parse(change.key) as { key?: unknown }).key;
  return typeof key === 'string' && key.startsWith('passphrase_lockout:');
}

function migrationChange(change: RowChange, seen: ReadonlySet<string>, before?: string | null): boolean {
  if (change.op === 'delete') return false;
  if (change.op === 'insert') return !seen.has(change.table);
  if (!before || !change.image) return false;
  const now = JSON.parse(change.image) as Record<string, unknown>;
  const then = JSON.parse(before) as Record<string, unknown>;
  return Object.keys(then).every((c) => !(c in now) || JSON.stringify(now[c]) === JSON.stringify(then[c]));
}

/**
 * A person's enrolment code as the chain holds it: the public half of the code's key, taken only
 * from an entry a lead officer signed (issuing it), and whether it was issued before codes made
 * proofs (its row has no such column), when an enrolment with it is a note, not a failure.
 */
interface CodeState {
  key: string | null;
  beforeProofs: boolean;
}

type PersonState = ApprovalPersonState;

export interface SignerCheck {
  /** Called for each entry in order, with its changes, before moving on. */
  entry(fields: EntryFields, hash: string, signature: string | null, changes: RowChange[]): void;
  /** Called once after the last entry. */
  finish(): void;
  problems: string[];
  notes: string[];
}

/** The first entry that had to be signed (office_identity.signed_from); 1 for a new office. */
export function signedFrom(sqlite: Database.Database): number {
  const present = sqlite
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'office_identity'")
    .pluck()
    .get();
  if (!present) return Number.POSITIVE_INFINITY;
  const value = sqlite.prepare('SELECT signed_from FROM office_identity LIMIT 1').pluck().get() as
    number | undefined;
  return value ?? Number.POSITIVE_INFINITY;
}

// long-function: an entry's signature, key and role checks share its state, in the order verify reports them
export function signerCheck(sqlite: Database.Database, from: number): SignerCheck {
  const keys = new Map<number, string>();
  /** Keys of people who act from their own laptops, proved to this office (packs). */
  const pinned = new Map<number, string>();
  const noticeSignatures = new Map<number, string>();
  /** Every entry's hash so far, to check the heads that backups anchored. */
  const hashes = new Map<number, string>();
  const people = new Map<number, PersonState>();
  const codes = new Map<number, CodeState>();
  /** Whether the record has reached approvals (people rows with pending_since): grants before are notes. */
  let approvalsExist = false;
  /** Whether this is a laptop's copy whose people came only from packs (null: nobody recorded yet). */
  let laptopCopy: boolean | null = null;
  const imageBefore = sqlite.prepare(
    `SELECT image FROM audit_changes WHERE table_name = ? AND row_key = ? AND entry_seq < ?
     ORDER BY entry_seq DESC, position DESC LIMIT 1`,
  );
  const seenTables = new Set<string>();
  const problems: string[] = [];
  const notes: string[] = [];
  let unsignedBefore = 0;
  let lastUnsignedBefore = 0;

  const apply = (changes: RowChange[], signed: boolean) => {
    for (const c of changes) {
      seenTables.add(c.table);
      if (!WATCHED.has(c.table)) continue;
      const row = c.image ? (JSON.parse(c.image) as Record<string, unknown>) : null;
      if (c.table === 'enrolment_codes' && row && typeof row.person_id === 'number')
        codes.set(row.person_id, codeState(row, signed, codes.get(row.person_id)));
      if (c.table === 'person_keys' && row && typeof row.person_id === 'number')
        keys.set(row.person_id, String(row.public_key));
      if (c.table === 'pinned_keys' && row && typeof row.person_id === 'number')
        pinned.set(row.person_id, String(row.public_key));
      if (c.table === 'notices' && row && typeof row.id === 'number' && typeof row.signature === 'string')
        noticeSignatures.set(row.id, row.signature);
      if (c.table === 'people' && row && 'pending_since' in row) approvalsExist = true;
      if (c.table === 'people' && row && typeof row.id === 'number')
        people.set(row.id, {
          name: String(row.name),
          // The role they act in: a grant waiting for the commissioner's approval gives nothing yet.
          role: (typeof row.pending_since === 'string' ? row.role_before : row.role) as Role | null,
          retiredAt: typeof row.retired_at === 'string' ? row.retired_at : null,
        });
    }
  };

  const unsignedAllowed = (fields: EntryFields, changes: RowChange[]): boolean => {
    if (fields.personId !== null) return false;
    if (keys.size === 0) return true; // a new office setting up: nobody holds a key to sign with
    const kind = UNSIGNED_KINDS[fields.operation];
    if (kind)
      return changes.every((c) =>
        kind === migrationChange
          ? migrationChange(
              c,
              seenTables,
              (imageBefore.get(c.table, c.key, fields.seq) as { image: string | null } | undefined)?.image,
            )
          : kind(c, seenTables),
      );
    // A write anyone may call that changed nothing (the demonstration already loaded).
    return (
      changes.length === 0 && isChannel(fields.operation) && ruleFor(fields.operation).roles === 'anyone'
    );
  };

  const checkSigned = (fields: EntryFields, hash: string, signature: string, changes: RowChange[]) => {
    const name = `Audit entry ${fields.seq} (${fields.operation}, ${fields.at})`;
    const personId = fields.personId;
    if (personId === null) return problems.push(`${name} is signed but names nobody as acting`);
    let key = keys.get(personId);
    // A person's first key signs the entry that gives it to them only while nobody else held one.
    if (!key && keys.size === 0) {
      const own = changes.find(
        (c) => c.table === 'person_keys' && c.image && JSON.parse(c.image).person_id === personId,
      );
      if (own?.image) key = String((JSON.parse(own.image) as { public_key: unknown }).public_key);
    }
    if (!key)
      return problems.push(`${name} is signed by ${fields.personName ?? 'someone'}, who held no key then`);
    if (fingerprintOfPublicKey(key) !== fields.keyFingerprint)
      problems.push(
        `${name} names key ${fields.keyFingerprint ?? '(none)'}, not the key its person held then`,
      );
    if (!entrySignatureHolds(key, hash, signature))
      problems.push(`${name}: its signature does not hold: the entry, its place or its link was changed`);
    checkRole(fields, name, changes);
  };

  const checkRole = (fields: EntryFields, name: string, changes: RowChange[]) => {
    const record = RECORD_ACTS[fields.operation];
    if (!isChannel(fields.operation) && !record) return;
    let input: unknown;
    try {
      input = JSON.parse(fields.input);
    } catch {
      input = null;
    }
    let roles: readonly Role[] | 'anyone';
    if (record) roles = record;
    else {
      const rule = ruleFor(fields.operation as Parameters<typeof ruleFor>[0]);
      roles = writes(rule, input) ? rule.roles : (rule.dryRunRoles ?? rule.roles);
    }
    if (roles === 'anyone') return;
    const person =
      people.get(fields.personId!) ??
      // The first person, added in the entry they sign (a new office).
      (keys.size === 0 ? personIn(changes, fields.personId!) : undefined);
    if (!person) return problems.push(`${name} is signed by someone the record does not hold`);
    if (person.retiredAt) problems.push(`${name} was done by ${person.name}, who had retired`);
    else if (!person.role || !roles.includes(person.role))
      problems.push(
        `${name} was done by ${person.name} as ${person.role}, which the rule book does not allow`,
      );
  };

  /** Notices this entry signs: each must carry the key of a commissioner, once the entry is applied. */
  const newlySigned = (changes: RowChange[]) =>
    changes.flatMap((c) => {
      if (c.table !== 'notices' || !c.image) return [];
      const row = JSON.parse(c.image) as Record<string, unknown>;
      return typeof row.signature === 'string' && noticeSignatures.get(Number(row.id)) !== row.signature
        ? [row]
        : [];
    });

  // A key first proved in the same entry (a commissioner's first pack return) counts.
  const checkNoticeSigner = (fields: EntryFields, row: Record<string, unknown>) => {
    const key = String(row.signer_public_key);
    const holders = [...keys, ...pinned].filter(([, k]) => k === key).map(([id]) => people.get(id));
    if (!holders.some((p) => p?.role === 'commissioner' && !p.retiredAt))
      problems.push(
        `Decision ${String(row.number)} was signed (audit entry ${fields.seq}) with key ` +
          `${String(row.signer_key_fingerprint)}, which no commissioner of this office held then`,
      );
  };

  /**
   * Once anyone holds a key, a person gets theirs only by enrolling with their code: the entry
   * giving it must carry the proof the code's key made over it. Nobody's key is ever replaced.
   */
  const checkKeysGiven = (fields: EntryFields, changes: RowChange[]) => {
    if (keys.size === 0) return;
    const name = `Audit entry ${fields.seq} (${fields.operation}, ${fields.at})`;
    for (const c of changes) {
      if (c.table !== 'person_keys' || !c.image) continue;
      const row = JSON.parse(c.image) as { person_id?: unknown; public_key?: unknown };
      if (typeof row.person_id !== 'number') continue;
      const who = people.get(row.person_id)?.name ?? `person ${row.person_id}`;
      const held = keys.get(row.person_id);
      if (held !== undefined) {
        if (held !== row.public_key)
          problems.push(`${name} replaces ${who}'s key: a person's key never changes`);
        continue;
      }
      const problem = enrolmentProblem(fields, changes, row.person_id, String(row.public_key), codes);
      if (problem === BEFORE_PROOFS)
        notes.push(
          `${who} chose their passphrase in audit entry ${fields.seq} (${fields.at}) with a code given ` +
            'before enrolments carried a proof',
        );
      else if (problem) problems.push(`${name} gives ${who} a key ${problem}`);
    }
  };

  /** A backup's or a pack's entry names the head its file carries: the chain must still hold it as it was. */
  const checkAnchor = (fields: EntryFields) => {
    if (!fields.input.includes('"chainHead"')) return;
    const head = (JSON.parse(fields.input) as { chainHead?: { seq?: unknown; hash?: unknown } | null })
      .chainHead;
    if (!head || typeof head.seq !== 'number') return;
    if (hashes.get(head.seq) !== head.hash)
      problems.push(
        `Audit entry ${fields.seq} (${fields.operation}) anchored the chain at entry ${head.seq}, ` +
          'which the chain no longer holds as it was: it was re-written since',
      );
  };

  return {
    problems,
    notes,
    entry(fields, hash, signature, changes) {
      const signing = fields.seq >= from ? newlySigned(changes) : [];
      laptopCopy = laptopCopyState(laptopCopy, fields.operation, changes);
      if (fields.seq >= from) {
        checkKeysGiven(fields, changes);
        if (keys.size > 0 && approvalsExist)
          problems.push(
            ...approvalProblems(
              `Audit entry ${fields.seq} (${fields.operation}, ${fields.at})`,
              fields,
              changes,
              keys,
              people,
              laptopCopy === true,
            ),
          );
      }
      checkAnchor(fields);
      hashes.set(fields.seq, hash);
      if (signature) checkSigned(fields, hash, signature, changes);
      else if (fields.seq < from) {
        unsignedBefore++;
        lastUnsignedBefore = fields.seq;
        noteGrants(fields, changes, people, notes);
      } else if (!unsignedAllowed(fields, changes))
        problems.push(
          `Audit entry ${fields.seq} (${fields.operation}, ${fields.at}) is not signed by anyone: ` +
            'Tranche did not write it for a person who gave their passphrase',
        );
      apply(changes, signature !== null);
      for (const row of signing) checkNoticeSigner(fields, row);
    },
    finish() {
      if (unsignedBefore === 0) return;
      notes.unshift(
        `${unsignedBefore} audit entries (up to entry ${lastUnsignedBefore}) were written before entries ` +
          'were signed: they name who acted but carry no signature',
      );
    },
  };
}

/** What a code's row, as this entry leaves it, says of the code: its key only from a signed entry. */
function codeState(row: Record<string, unknown>, signed: boolean, before: CodeState | undefined): CodeState {
  if (!('code_public_key' in row)) return { key: null, beforeProofs: true };
  const key = typeof row.code_public_key === 'string' ? row.code_public_key : null;
  return { key: signed ? key : (before?.key ?? null), beforeProofs: false };
}

const BEFORE_PROOFS = 'with a code issued before codes made proofs';

/**
 * Why giving `personId` the key `publicKey` in this entry was not their own enrolment (the end of
 * a sentence), BEFORE_PROOFS for a code issued before codes made proofs, or null when it was.
 */
function enrolmentProblem(
  fields: EntryFields,
  changes: RowChange[],
  personId: number,
  publicKey: string,
  codes: ReadonlyMap<number, CodeState>,
): string | null {
  if (fields.operation !== 'people:enrol')
    return 'outside their enrolment: only they, with the code they were given, can make their key';
  const code = codes.get(personId);
  if (code?.beforeProofs) return BEFORE_PROOFS;
  if (!code?.key) return 'with no enrolment code that a lead officer issued to them';
  const used = changes.find(
    (c) => c.table === 'enrolment_codes' && c.image && JSON.parse(c.image).person_id === personId,
  );
  const proof = used?.image ? (JSON.parse(used.image) as { proof?: unknown }).proof : undefined;
  if (typeof proof !== 'string' || !enrolmentProofHolds(code.key, personId, publicKey, proof))
    return 'without the proof their enrolment code makes: whoever made it did not hold the code';
  return null;
}

function personIn(changes: RowChange[], personId: number): PersonState | undefined {
  const change = changes.find((c) => c.table === 'people' && c.image && JSON.parse(c.image).id === personId);
  if (!change?.image) return undefined;
  const row = JSON.parse(change.image) as Record<string, unknown>;
  return { name: String(row.name), role: row.role as Role, retiredAt: null };
}

/** A lead officer or commissioner role given before signing existed: a note, not a failure. */
function noteGrants(
  fields: EntryFields,
  changes: RowChange[],
  people: ReadonlyMap<number, PersonState>,
  notes: string[],
) {
  for (const c of changes) {
    if (c.table !== 'people' || !c.image) continue;
    const row = JSON.parse(c.image) as { id?: unknown; name?: unknown; role?: unknown };
    if (row.role !== 'commissioner' && row.role !== 'lead_officer') continue;
    if (typeof row.id === 'number' && people.get(row.id)?.role === row.role) continue;
    notes.push(
      `${String(row.name)} was made ${String(row.role).replace('_', ' ')} in audit entry ${fields.seq} ` +
        `(${fields.at}), before grants were signed`,
    );
  }
}
