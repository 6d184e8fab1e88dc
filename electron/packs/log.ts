import type { ParsedInput } from '../../shared/contract';
import { PACK_KINDS, type PackKind } from '../../shared/packs';
import { currentActor } from '../handlers/actor';
import type { ReadContext } from '../handlers/context';
import { mustGetRound } from '../handlers/round-lookup';
import { readCopyOf } from './copy';

// packs:list: the packs made and accepted for a round, newest first, with what each held or
// changed. A lead officer sees them all; anyone else only the packs to and from themselves (a
// return's summary can name differences in scores).

const kindOf = (kind: string): PackKind =>
  (PACK_KINDS as readonly string[]).includes(kind) ? (kind as PackKind) : 'return';

export function listPacks(ctx: ReadContext, input: ParsedInput<'packs:list'>) {
  const round = mustGetRound(ctx, input.roundId);
  const actor = currentActor(ctx);
  const copy = readCopyOf(ctx, round.id);
  // On a copy every pack is the recipient's own.
  const mine = (personId: number) =>
    copy !== null || actor?.role === 'lead_officer' || (actor !== null && personId === actor.id);
  const entry = (row: {
    packId: string;
    kind: string;
    personId: number;
    person: string;
    sequence: number;
    createdAt: string;
    receivedAt?: string;
    summary: string;
  }) => ({
    packId: row.packId,
    kind: kindOf(row.kind),
    person: row.person,
    sequence: row.sequence,
    createdAt: row.createdAt,
    receivedAt: row.receivedAt ?? null,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
  });
  return {
    copyOf: copy
      ? { kind: copy.kind, from: copy.from, fingerprint: copy.fingerprint, openedAt: copy.openedAt }
      : null,
    sent: ctx.store.packs
      .sentForRound(round.id)
      .filter((r) => mine(r.personId))
      .map(entry),
    received: ctx.store.packs
      .receivedForRound(round.id)
      .filter((r) => mine(r.personId))
      .map(entry),
  };
}
