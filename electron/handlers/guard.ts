import type { Channel } from '../../shared/channels';
import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { allowedOnCopy } from '../../shared/copy-rules';
import { ruleFor, writes, type Rule } from '../../shared/rule-book';
import { STAGE_LABELS, type Stage } from '../../shared/stages';
import { actingRole, currentActor } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { latestNotice } from './notice-record';
import { Refusal } from './refusal';
import { roundOfInput } from './round-of-input';

// The rule book enforced: dispatch calls `enforceRuleBook` after parsing the input and before any
// handler runs. A call by the wrong role is `forbidden`; a write in the wrong stage of its round is
// a `conflict`. Either way nothing has been written.

/** "lead officer", "lead officer or commissioner", "lead officer, board member or commissioner". */
function roleList(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}
const stageList = (stages: readonly Stage[]) => stages.map((s) => STAGE_LABELS[s].toLowerCase()).join(', ');

/** Refuses the call unless the acting person may make it; returns who is acting (null: nobody). */
export function checkRole(ctx: ReadContext, rule: Rule, input: unknown): Person | null {
  const actor = currentActor(ctx);
  const writing = writes(rule, input);
  const roles = writing ? rule.roles : (rule.dryRunRoles ?? rule.roles);
  const action = writing ? rule.action : (rule.dryRunAction ?? rule.action);
  if (roles === 'anyone') return actor;
  if (!actor) {
    if (rule.setup && ctx.store.people.count() === 0) return null;
    throw new Refusal(
      'forbidden',
      'Tranche does not know who you are: choose your profile and give your passphrase ' +
        `(on the command line, --as NAME with TRANCHE_PASSPHRASE) before you ${action}`,
    );
  }
  if (!roles.includes(actor.role)) throw roleRefusal(roles, action, actor, waitingGrant(ctx, actor));
  return actor;
}

/** " until the commissioner approves them as commissioner", for someone whose grant is waiting. */
function waitingGrant(ctx: ReadContext, actor: Person): string {
  const stored = ctx.store.people.get(actor.id);
  return stored?.pendingSince
    ? ` until the commissioner approves them as ${ROLE_LABELS[stored.role].toLowerCase()}`
    : '';
}

const roleRefusal = (roles: readonly Role[], action: string, person: Person, waiting = '') =>
  new Refusal(
    'forbidden',
    `Only a ${roleList(roles)} can ${action}; ${person.name} is a ${ROLE_LABELS[person.role].toLowerCase()}` +
      waiting,
  );

/** Refuses a write in a stage of its round the rule book does not allow it in. */
export function checkStage(ctx: ReadContext, rule: Rule, input: unknown): void {
  if (!rule.round || !rule.stages || !writes(rule, input)) return;
  const roundId = roundOfInput(ctx, rule.round, input);
  const round = roundId === null ? undefined : ctx.store.rounds.get(roundId);
  if (!round || rule.stages.includes(round.stage)) return;
  if (round.stage === 'signed') {
    const notice = latestNotice(ctx, round.id);
    const signed =
      notice?.status === 'signed'
        ? `Decision ${notice.number} was signed${notice.signedOn ? ` on ${formatDate(notice.signedOn)}` : ''}`
        : '';
    throw new Refusal(
      'conflict',
      `${signed || `Round "${round.name}" is signed`}: nobody can ${rule.action} now. ` +
        'Draft a superseding notice to change the decision.',
    );
  }
  throw new Refusal(
    'conflict',
    `Round "${round.name}" is at the ${STAGE_LABELS[round.stage].toLowerCase()} stage: ` +
      `you can ${rule.action} only at the ${stageList(rule.stages)} stage${rule.stages.length > 1 ? 's' : ''}`,
  );
}

/** The kind of pack a round copy came in, or null for the office's own round. */
function copyKind(ctx: ReadContext, roundId: number): string | null {
  const copyOf = ctx.store.packs.roundIdentity(roundId)?.copyOf;
  if (!copyOf) return null;
  try {
    return String((JSON.parse(copyOf) as { kind?: unknown }).kind ?? '');
  } catch {
    return '';
  }
}

const OWN_WORK = 'only your own declarations and scores can be changed here';
const DELIVERY_WORK = 'only due diligence, claims and monitoring returns can be recorded here';

/**
 * On a round copy received in a pack, only the recipient's own work may be written (rules marked
 * `onCopy`; `delivery` ones only on a delivery pack's copy), and only for themselves: a write
 * naming another assessor is refused too.
 */
export function checkCopy(ctx: ReadContext, rule: Rule, input: unknown, actor: Person | null): void {
  if (!rule.round || !writes(rule, input)) return;
  const roundId = roundOfInput(ctx, rule.round, input);
  const kind = roundId === null ? null : copyKind(ctx, roundId);
  if (kind === null) return;
  const work = kind === 'delivery' ? DELIVERY_WORK : OWN_WORK;
  const allowed = allowedOnCopy(rule, kind);
  if (!allowed) throw new Refusal('forbidden', `This round is a copy from your office: ${work}`);
  const named = (input as { assessor?: unknown } | undefined)?.assessor;
  if (typeof named === 'string' && actor && named.trim().toLowerCase() !== actor.name.toLowerCase())
    throw new Refusal('forbidden', `This round is a copy from your office: ${work}, not ${named.trim()}'s`);
}

/** The whole rule for one call: the right person, at the right stage of the round. */
export function enforceRuleBook(channel: Channel, input: unknown, ctx: ReadContext): void {
  const rule = ruleFor(channel);
  const actor = checkRole(ctx, rule, input);
  checkCopy(ctx, rule, input, actor);
  checkStage(ctx, rule, input);
}

/**
 * The rule book for a write made by `person` elsewhere and applied here (work recorded away from the
 * office, received in a signed pack): their role, now, and the round's stage, as if they made it here.
 */
export function enforceRuleBookFor(
  channel: Channel,
  input: unknown,
  ctx: HandlerContext,
  person: Person,
): void {
  const rule = ruleFor(channel);
  // The role they act in now: a grant still waiting for the commissioner's approval gives nothing.
  const stored = ctx.store.people.get(person.id);
  const role = stored ? actingRole(stored) : person.role;
  if (rule.roles !== 'anyone' && (!role || !rule.roles.includes(role)))
    throw roleRefusal(
      rule.roles,
      rule.action,
      { ...person, role: role ?? person.role },
      waitingGrant(ctx, person),
    );
  checkStage(ctx, rule, input);
}
