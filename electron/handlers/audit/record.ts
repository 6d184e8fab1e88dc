import type { AuditOperation } from '../../../db/audit/chain';
import { appendEntry } from '../../../db/audit/chain';
import { redactInput } from '../../../db/audit/redact';
import { runAudited, sealPending } from '../../../db/audit/recorder';
import { makeBackup } from '../../../db/backup';
import { damagedMessage } from '../../../db/connection';
import type { Channel } from '../../../shared/contract';
import { ruleFor } from '../../../shared/rule-book';
import type { HandlerContext } from '../context';
import { Refusal } from '../refusal';
import { notedAnchor, notedRounds, takeSigning } from './operation-notes';
import { summarise } from './summary';
import { peopleSentence } from './people-sentences';
import { pendingFor } from '../approvals';

// Dispatch's side of the audit chain. The handler runs inside an audited operation, so each of its
// transactions seals what it changed into an entry before committing (db/store.ts). Afterwards
// anything written outside a transaction is sealed too, and a write that changed nothing still
// leaves an entry saying it was done. A refused write rolls back, entry and all.

export async function runRecorded<T>(
  channel: Channel,
  input: unknown,
  ctx: HandlerContext,
  run: () => T | Promise<T>,
): Promise<T> {
  const { store } = ctx;
  const write = ruleFor(channel).access === 'write';
  // A file whose check runs alongside is not asked here, which would wait for the check before the
  // handler's own reading: its first write waits for it instead, and is refused if it found damage.
  if (!store.health.checkedAlongside && store.health.readOnly) {
    if (write)
      throw new Refusal(
        'conflict',
        store.health.readOnlyReason ?? damagedMessage(store.file, store.health.goodBackup),
      );
    return run();
  }
  // Notes left by an operation that failed part-way never carry over to the next one.
  takeSigning(ctx);
  const describe = describer(channel, input, ctx);
  const { result, entries } = runAudited(describe, () => Promise.resolve().then(run));
  let value: T;
  try {
    value = await result;
  } catch (error) {
    // A signing that failed rolled back: there is nothing to back up.
    takeSigning(ctx);
    // Whatever a failed operation wrote outside a transaction is on the record: say so.
    store.sqlite
      .transaction(() =>
        sealPending(store.sqlite, () => {
          const op = describe();
          return { ...op, summary: `${op.summary} (then it failed)` };
        }),
      )
      .immediate();
    throw error;
  }
  store.sqlite
    .transaction(() => {
      const seq = sealPending(store.sqlite, describe);
      if (seq !== null) entries.push(seq);
      if (write && entries.length === 0) appendEntry(store.sqlite, describe(), []);
    })
    .immediate();
  if (takeSigning(ctx)) backUpAfterSigning(ctx);
  return value;
}

function describer(channel: Channel, input: unknown, ctx: HandlerContext): () => AuditOperation {
  // Whoever was unlocked when the call came in; someone who unlocks during it (choosing their
  // profile) signs what it wrote, and someone who locks during it still signs what they did.
  const atStart = ctx.session.current();
  const recorded = redactInput(input);
  const summary =
    (input && typeof input === 'object'
      ? peopleSentence(
          channel,
          input as Record<string, unknown>,
          (id) => ctx.store.people.get(id) ?? null,
          (role) => pendingFor(ctx, role, '') !== null,
        )
      : null) ?? summarise(channel, input, (bidId) => ctx.store.bids.get(bidId)?.ref ?? null);
  const rounds = roundsNamed(ctx, input);
  return () => {
    const identity = ctx.session.current() ?? atStart;
    const person = identity ? ctx.store.people.get(identity.personId) : undefined;
    const signer = identity && person ? identity : null;
    const anchor = notedAnchor(ctx);
    return {
      operation: channel,
      at: ctx.now(),
      personId: person?.id ?? null,
      personName: person?.name ?? null,
      keyFingerprint: signer?.fingerprint ?? null,
      // A pack's entry names the chain head the pack carries (db/audit/signers.ts checks it).
      input: anchor === undefined ? recorded : { ...(recorded as object), chainHead: anchor },
      summary,
      rounds: [...new Set([...rounds, ...notedRounds(ctx)])],
      signer: signer && { privateKey: signer.privateKey, fingerprint: signer.fingerprint },
    };
  };
}

/** The round an input names directly, or through its bid or notice. */
function roundsNamed(ctx: HandlerContext, input: unknown): number[] {
  if (!input || typeof input !== 'object') return [];
  const fields = input as Record<string, unknown>;
  const sqlite = ctx.store.sqlite;
  const lookup = (sql: string, id: unknown) =>
    typeof id === 'number' ? (sqlite.prepare(sql).pluck().get(id) as number | undefined) : undefined;
  const round =
    (typeof fields.roundId === 'number' ? fields.roundId : undefined) ??
    lookup('SELECT round_id FROM bids WHERE id = ?', fields.bidId) ??
    lookup('SELECT round_id FROM notices WHERE id = ?', fields.noticeId);
  return round === undefined ? [] : [round];
}

function backUpAfterSigning(ctx: HandlerContext) {
  if (ctx.store.file === ':memory:') return;
  try {
    makeBackup(ctx.store.sqlite, ctx.store.file, 'signing');
  } catch (error) {
    console.error('[tranche] the backup after signing failed:', error);
  }
}
