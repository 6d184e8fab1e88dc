import type { PackConflict, PackHeader, OutboundKind } from '../../../shared/packs';
import type { Person, Role } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import type { HandlerContext } from '../../handlers/context';
import type { AnsweredPack } from '../answered-pack';

// What one kind of pack (assessor, board, sign-off) must provide. The common code in
// electron/packs/channels.ts does everything every kind shares: reading, signing and checking the
// file, who signed it and whether this database trusts that key, enrolment codes, the round's
// uid, replays and numbering, the one transaction and the record of packs made and accepted. A
// kind's module only turns a round into a payload and a payload back into rows, four times:
//
//   office      make      round → payload for the recipient        (packs:make)
//   recipient   open      payload → the round copy                 (packs:open)
//   recipient   answer    the round copy → return payload          (packs:return)
//   office      receive   return payload → merged into the round   (packs:receive)
//
// Every function runs inside the channel's transaction, so throwing a Refusal (from
// electron/handlers/refusal.ts) anywhere leaves nothing written. Payloads must hold no local ids
// (bids by ref, criteria by code, people by name) and never a key, passphrase or sealed secret.
// kinds/round-copy.ts reads a round and its bids into pack content and writes a copy from it, for
// any kind to reuse. Register a module in kinds/index.ts.

/** A short record of what a pack held or changed (kept as JSON for the assessment page). */
export type PackSummary = Record<string, string | number | boolean | null | string[]>;

export interface MakeArgs {
  round: Round;
  /** The person it is for (chosen by name, or the commissioner for a sign-off pack). */
  recipient: Person;
  /** The lead officer making it. */
  lead: Person;
}

export interface OpenArgs {
  header: PackHeader;
  payload: unknown;
  /** This database's copy of the round from an earlier pack, or null: create it. */
  copyId: number | null;
  /** The recipient in this database (already created and enrolled on a first run). */
  recipient: Person;
  /** The sender in this database (already created, key pinned). */
  sender: Person;
}

export interface AnswerArgs {
  roundId: number;
  /** Who is returning it: the recipient the copy was made for. */
  me: Person;
}

export interface ReceiveArgs {
  round: Round;
  header: PackHeader;
  /** The return's payload, `of` already matched to this kind. */
  payload: unknown;
  /** Who sent the return, in this database (key checked). */
  sender: Person;
  /** The office's pack the return answers (made by the office's clock). */
  answered: AnsweredPack;
  /** Now, by the office's clock: the time every row the return brings is recorded with. */
  receivedAt: string;
  /** When the office received the last return from this sender for this round, if it has. */
  lastReceivedAt: string | null;
}

export interface ReceiveOutcome {
  /** Rows new to this database, rows it already had, and differences kept as the office has them. */
  added: number;
  unchanged: number;
  conflicts: PackConflict[];
  summary: PackSummary;
}

export interface PackKindModule {
  kind: OutboundKind;
  /** Who such a pack goes to: a refusal names them when the chosen person has another role. */
  recipientRoles: readonly Role[];
  /** Office: the payload for the recipient, refusing when the round is not ready for it. */
  make(ctx: HandlerContext, args: MakeArgs): { payload: unknown; summary: PackSummary };
  /** Recipient: creates or updates the round copy from the payload; returns its id here. */
  open(ctx: HandlerContext, args: OpenArgs): { roundId: number; summary: PackSummary };
  /** Recipient: the return's payload from the copy; must include `of: kind`. */
  answer(ctx: HandlerContext, args: AnswerArgs): { payload: { of: OutboundKind }; summary: PackSummary };
  /** Office: merges a return into the round, all or nothing. */
  receive(ctx: HandlerContext, args: ReceiveArgs): ReceiveOutcome;
}
