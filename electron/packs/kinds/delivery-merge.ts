import type { ParsedInput } from '../../../shared/contract';
import { claimsContract } from '../../../shared/contracts/claims';
import { grantsContract } from '../../../shared/contracts/grants';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { PackConflict } from '../../../shared/packs';
import type { Person } from '../../../shared/people';
import type { FieldIssue } from '../../../shared/result';
import type { Round } from '../../../shared/rounds';
import type { HandlerContext } from '../../handlers/context';
import { addClaim } from '../../handlers/grants/claims';
import { recordDiligence } from '../../handlers/grants/diligence';
import { applyReturn, type ReturnField } from '../../handlers/grants/return-import';
import { enforceRuleBookFor } from '../../handlers/guard';
import { Refusal } from '../../handlers/refusal';
import type { DeliveryPayload, DeliveryReturn } from './delivery-payload';
import type { ReceiveOutcome } from './types';

/** The two channels a delivery return's items are written through, parsed as dispatch parses them. */
const mergedOperations = {
  'grants:diligence': grantsContract['grants:diligence'],
  'claims:add': claimsContract['claims:add'],
};

// A delivery return: on the officer's laptop, the due diligence, claims and monitoring returns they
// recorded on their copy; at the office, each applied as a write of theirs made there and then:
// the rule book for their role and the round's stage, the handler's own checks (due diligence
// before a claim, what remains of the award and of the year, a quarter that is over by the office's
// clock, every answer of a return), the office's time on what is recorded. One refused item refuses
// the whole return, each refused item named. What the office already has is unchanged; a return or
// due diligence the office recorded differently since is kept, and the difference listed.

type Diligence = DeliveryReturn['diligence'][number];
type Claim = DeliveryReturn['claims'][number];
type MonitoringReturn = Omit<DeliveryReturn['returns'][number], 'ref'>;

/** What one side holds of a grant, to tell what the other side's work adds to it. */
interface HeldGrant {
  diligence: Omit<Diligence, 'ref'>;
  claims: { by: string; key: string }[];
  returns: Map<string, MonitoringReturn>;
}
type Held = Map<string, HeldGrant>;

const claimKey = (c: Omit<Claim, 'ref'>) => `${c.period}|${c.amountPence}|${c.matchPence ?? ''}`;

const sameDiligence = (a: Omit<Diligence, 'ref'>, b: Omit<Diligence, 'ref'>) =>
  a.bankConfirmed === b.bankConfirmed &&
  (a.accountableBody ?? '') === (b.accountableBody ?? '') &&
  (a.conflicts ?? '') === (b.conflicts ?? '') &&
  a.fraudRisk === b.fraudRisk &&
  (a.reason ?? '') === (b.reason ?? '');

const returnText = (r: MonitoringReturn) =>
  JSON.stringify([
    r.dueOn,
    r.receivedOn,
    r.spendToDatePence,
    r.outputs,
    r.outcomes,
    r.risks,
    r.narrative,
    r.rag,
  ]);

/** Office or copy: what the database holds of each grant of a round, by ref (lower case). */
function heldHere(ctx: HandlerContext, roundId: number): Held {
  const names = ctx.store.grants.personNames();
  const claims = ctx.store.grants.claims(roundId);
  const returns = ctx.store.grants.returns(roundId);
  return new Map(
    ctx.store.grants.forRound(roundId).map(({ grant: g, ref }) => [
      ref.toLowerCase(),
      {
        diligence: {
          bankConfirmed: g.bankConfirmed,
          accountableBody: g.accountableBody,
          conflicts: g.conflicts,
          fraudRisk: g.fraudRisk,
          reason: g.fraudReason,
        },
        claims: claims
          .filter((c) => c.grantId === g.id)
          .map((c) => ({ by: (names.get(c.recordedBy) ?? '').toLowerCase(), key: claimKey(c) })),
        returns: new Map(
          returns
            .filter((r) => r.grantId === g.id)
            .map((r) => [
              r.dueOn,
              { ...r, outcomes: JSON.parse(r.outcomes) as MonitoringReturn['outcomes'] },
            ]),
        ),
      },
    ]),
  );
}

/** What a delivery pack says the office holds. */
export function heldInPayload(payload: DeliveryPayload): Held {
  return new Map(
    payload.grants.map((g) => [
      g.ref.toLowerCase(),
      {
        diligence: g.diligence,
        claims: g.claims.map((c) => ({ by: c.recordedBy.toLowerCase(), key: claimKey(c) })),
        returns: new Map(g.returns.map((r) => [r.dueOn, r])),
      },
    ]),
  );
}

/** Officer: their own delivery work on the copy, as the return carries it. */
export function deliveryReturn(ctx: HandlerContext, roundId: number, me: Person): DeliveryReturn {
  const rows = ctx.store.grants.forRound(roundId);
  const refOf = new Map(rows.map((r) => [r.grant.id, r.ref]));
  return {
    of: 'delivery',
    diligence: rows
      .filter(({ grant: g }) => g.diligenceBy === me.id)
      .map(({ grant: g, ref }) => ({
        ref,
        bankConfirmed: g.bankConfirmed,
        accountableBody: g.accountableBody,
        conflicts: g.conflicts,
        fraudRisk: g.fraudRisk,
        reason: g.fraudReason,
      })),
    claims: ctx.store.grants
      .claims(roundId)
      .filter((c) => c.recordedBy === me.id && refOf.has(c.grantId))
      .map((c) => ({
        ref: refOf.get(c.grantId)!,
        period: c.period,
        amountPence: c.amountPence,
        matchPence: c.matchPence,
      })),
    returns: ctx.store.grants
      .returns(roundId)
      .filter((r) => r.recordedBy === me.id && refOf.has(r.grantId))
      .map((r) => ({
        ref: refOf.get(r.grantId)!,
        dueOn: r.dueOn,
        receivedOn: r.receivedOn,
        spendToDatePence: r.spendToDatePence,
        outputs: r.outputs,
        outcomes: JSON.parse(r.outcomes) as MonitoringReturn['outcomes'],
        risks: r.risks,
        narrative: r.narrative,
        rag: r.rag,
      })),
  };
}

const claimLabel = (c: Claim) => `${c.ref} claim for ${c.period} (${formatMoney(c.amountPence)})`;
const returnLabel = (r: { ref: string; dueOn: string }) => `${r.ref} return due ${formatDate(r.dueOn)}`;

/**
 * Which claims of `work` the holder lacks: a claim counts as held when the holder has as many of
 * the same grant, quarter, amount and match funding recorded by the same person.
 */
function newClaims(work: Claim[], held: Held, by: string): Claim[] {
  const seen = new Map<string, number>();
  return work.filter((c) => {
    const key = `${c.ref.toLowerCase()}|${claimKey(c)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const have =
      held.get(c.ref.toLowerCase())?.claims.filter((h) => h.by === by.toLowerCase() && h.key === claimKey(c))
        .length ?? 0;
    return n > have;
  });
}

/** Officer: the work on their copy that `held` (a newer pack's content) does not have yet, named. */
export function unreturnedWork(ctx: HandlerContext, copyId: number, me: Person, held: Held): string[] {
  const work = deliveryReturn(ctx, copyId, me);
  return [
    ...work.diligence
      .filter((d) => {
        const h = held.get(d.ref.toLowerCase());
        return !h || !sameDiligence(h.diligence, d);
      })
      .map((d) => `${d.ref} due diligence`),
    ...newClaims(work.claims, held, me.name).map(claimLabel),
    ...work.returns
      .filter((r) => {
        const h = held.get(r.ref.toLowerCase())?.returns.get(r.dueOn);
        return !h || returnText(h) !== returnText(r);
      })
      .map(returnLabel),
  ];
}

/** A return's answers as the checks of a local import read them, named for messages. */
function returnFields(r: DeliveryReturn['returns'][number]) {
  const field = (ref: string, value: string, raw: ReturnField['raw'] = value): ReturnField => ({
    ref,
    value,
    raw,
  });
  return {
    grant: field('grant', r.ref),
    dueOn: field('due date', r.dueOn),
    receivedOn: field('received on', r.receivedOn),
    spend: field('spend to date', String(r.spendToDatePence / 100), r.spendToDatePence / 100),
    outputs: field('outputs', r.outputs.trim()),
    risks: field('risks', r.risks.trim()),
    narrative: field('narrative', r.narrative.trim()),
    rag: field('RAG', r.rag),
    outcome: (priority: string) => {
      const found = r.outcomes.find((o) => o.priority === priority);
      return found
        ? field(`outcome for ${priority}`, found.outcome.trim())
        : { missing: `outcome for ${priority}` };
    },
  };
}

/** Office: an officer's delivery work applied as theirs, all or nothing. */
// long-function: one pass over a return, counting what is added, unchanged and kept
export function mergeDeliveryReturn(
  ctx: HandlerContext,
  round: Round,
  officer: Person & { retiredAt?: string | null },
  data: DeliveryReturn,
  packMadeAt: string,
): ReceiveOutcome {
  if (officer.retiredAt)
    throw new Refusal(
      'forbidden',
      `${officer.name} has retired: their delivery return cannot be received; nothing was changed`,
    );
  const held = heldHere(ctx, round.id);
  const grants = new Map(ctx.store.grants.forRound(round.id).map((g) => [g.ref.toLowerCase(), g.grant]));
  const names = ctx.store.grants.personNames();
  const refused: FieldIssue[] = [];
  const conflicts: PackConflict[] = [];
  let added = 0;
  let unchanged = 0;
  /** One item, written as the officer's under the rule book, or named among the refused. */
  const apply = (label: string, write: () => void) => {
    try {
      ctx.store.transaction(write);
      added += 1;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const why = error.issues?.length ? error.issues.map((i) => i.message).join('; ') : error.message;
      refused.push({ path: label, message: `${label}: ${why}` });
    }
  };
  function parsed<C extends 'grants:diligence' | 'claims:add'>(channel: C, raw: unknown): ParsedInput<C> {
    const result = mergedOperations[channel].input.safeParse(raw);
    if (!result.success)
      throw new Refusal('invalid_input', result.error.issues.map((i) => i.message).join('; '));
    enforceRuleBookFor(channel, result.data, ctx, officer);
    return result.data as ParsedInput<C>;
  }

  for (const d of data.diligence) {
    const h = held.get(d.ref.toLowerCase());
    if (h && sameDiligence(h.diligence, d)) {
      unchanged += 1;
      continue;
    }
    const g = grants.get(d.ref.toLowerCase());
    if (g?.diligenceAt && g.diligenceAt > packMadeAt && g.diligenceBy !== officer.id) {
      conflicts.push({
        ref: d.ref,
        criterion: null,
        message:
          `${d.ref}: kept the due diligence ${names.get(g.diligenceBy ?? 0) ?? 'someone'} recorded at the office on ` +
          `${formatDate(g.diligenceAt.slice(0, 10))}, after the delivery pack was made; ${officer.name}'s differs`,
      });
      continue;
    }
    apply(`${d.ref} due diligence`, () => {
      const input = parsed('grants:diligence', {
        roundId: round.id,
        bidRef: d.ref,
        bankConfirmed: d.bankConfirmed,
        accountableBody: d.accountableBody ?? '',
        ...(d.conflicts ? { conflicts: d.conflicts } : {}),
        fraudRisk: d.fraudRisk,
        reason: d.reason ?? '',
      });
      recordDiligence(ctx, input, officer);
    });
  }

  const fresh = newClaims(data.claims, held, officer.name);
  unchanged += data.claims.length - fresh.length;
  for (const c of fresh)
    apply(claimLabel(c), () => {
      const input = parsed('claims:add', {
        roundId: round.id,
        bidRef: c.ref,
        amountPence: c.amountPence,
        period: c.period,
        ...(c.matchPence === null ? {} : { matchPence: c.matchPence }),
      });
      addClaim(ctx, input, officer);
    });

  for (const r of data.returns) {
    const h = held.get(r.ref.toLowerCase())?.returns.get(r.dueOn);
    if (h && returnText(h) === returnText(r)) {
      unchanged += 1;
      continue;
    }
    if (h) {
      conflicts.push({
        ref: r.ref,
        criterion: null,
        message:
          `${returnLabel(r)}: kept the return the office has (received ${formatDate(h.receivedOn)}); ` +
          `${officer.name}'s differs: correct it at the office if it should change`,
      });
      continue;
    }
    apply(returnLabel(r), () => {
      enforceRuleBookFor('returns:import', { roundId: round.id }, ctx, officer);
      applyReturn(ctx, round.id, returnFields(r), officer);
    });
  }

  if (refused.length > 0)
    throw new Refusal(
      'conflict',
      `The delivery return from ${officer.name} was not received, and nothing was changed: ` +
        `${refused.length} of its items ${refused.length === 1 ? 'is' : 'are'} refused. ` +
        refused.map((r) => r.message).join('; '),
      refused,
    );
  return {
    added,
    unchanged,
    conflicts,
    summary: { diligence: data.diligence.length, claims: data.claims.length, returns: data.returns.length },
  };
}
