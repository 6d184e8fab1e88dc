import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import { ROLE_LABELS, type Person, type SessionInfo } from '../../shared/people';
import { IDLE_LOCK_MS } from '../identity/session';
import { actingRole, currentActor, PROFILE_KEY } from './actor';
import { approvalHandlers, listItem, pendingFor, refuseUnseatingCommissioner } from './approvals';
import type { HandlerContext, ReadContext } from './context';
import { enrolmentHandlers, keepCode, newCodeFor } from './enrolment';
import { changePassphrase, enrolPerson, nobodyEnrolled, roleLabel, sealNew, unlockPerson } from './identity';
import { fieldRefusal, notFound, Refusal } from './refusal';

// The office's people and who is acting. Nobody grants themselves a role: the first person of a
// new database is a lead officer, and after that only a lead officer adds people, while the
// commissioner approves every commissioner and lead officer (approvals.ts). Acting as someone
// always needs their passphrase, which each person chooses for themselves (enrolment.ts).

type StoredPerson = NonNullable<ReturnType<HandlerContext['store']['people']['get']>>;

function mustGetPerson(ctx: HandlerContext, id: number): StoredPerson {
  const person = ctx.store.people.get(id);
  if (!person) throw notFound(`Person ${id}`);
  return person;
}

const withFingerprint = (ctx: HandlerContext, person: Person) => listItem(ctx, person.id);

/** Refuses to change a retired person: they stay in the record as they were. */
function refuseRetired(person: StoredPerson, doing: string) {
  if (person.retiredAt)
    throw new Refusal(
      'conflict',
      `${person.name} retired on ${formatDate(person.retiredAt)}: nobody can ${doing} a retired person`,
    );
}

/** The office always keeps an active lead officer, who alone adds people and moves rounds on. */
function refuseLastLead(ctx: HandlerContext, person: StoredPerson, doing: string) {
  if (actingRole(person) === 'lead_officer' && ctx.store.people.activeLeadCount() <= 1)
    throw fieldRefusal(
      'conflict',
      'personId',
      `${person.name} is the last active lead officer and cannot be ${doing}: ` +
        'add or promote another lead officer first',
    );
}

function refuseTakenName(ctx: HandlerContext, name: string, hint = '') {
  if (ctx.store.people.findByName(name))
    throw fieldRefusal('conflict', 'name', `There is already a person called "${name}"${hint}`);
}

/** Only a lead officer adds or enrols people, except the first lead officer of a new database. */
function requireLeadOrBootstrap(ctx: HandlerContext, action: string): void {
  const actor = currentActor(ctx);
  if (actor?.role === 'lead_officer') return;
  if (!actor)
    throw new Refusal(
      'forbidden',
      `To ${action} you must be a lead officer: choose your profile and give your passphrase first`,
    );
  throw new Refusal(
    'forbidden',
    `To ${action} you must be a lead officer; ${actor.name} is a ${roleLabel(actor)}`,
  );
}

function sessionInfo(ctx: ReadContext): SessionInfo {
  const state = ctx.session.state();
  const person = state.state === 'none' ? null : (ctx.store.people.get(state.personId) ?? null);
  const last = Number(ctx.store.people.setting(PROFILE_KEY));
  return {
    state: person ? state.state : 'none',
    person,
    fingerprint: state.state === 'unlocked' ? state.fingerprint : null,
    lockedBy: state.state === 'locked' && person ? state.reason : null,
    setup: ctx.store.people.count() === 0 ? 'empty' : nobodyEnrolled(ctx) ? 'claim' : 'ready',
    lastPersonId: Number.isInteger(last) && last > 0 ? last : null,
    idleLockMinutes: Math.round(IDLE_LOCK_MS / 60_000),
  };
}

export const peopleHandlers = {
  'people:list': (_input: object, ctx: ReadContext) => {
    const fingerprints = ctx.store.identities.fingerprints();
    const sitting = ctx.store.people.sittingCommissioner()?.id;
    return ctx.store.people.list().map((p) => ({
      ...p,
      pending: p.pendingSince !== null,
      roleBefore: p.pendingSince !== null ? p.roleBefore : null,
      fingerprint: fingerprints.get(p.id) ?? null,
      sittingCommissioner: p.id === sitting,
    }));
  },

  /** A commissioner or lead officer role waits for the commissioner's approval; others are at once. */
  'people:setRole': (input: ParsedInput<'people:setRole'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const person = mustGetPerson(ctx, input.personId);
      refuseRetired(person, 'change the role of');
      if (person.role !== input.role) {
        const label = ROLE_LABELS[input.role].toLowerCase();
        refuseUnseatingCommissioner(ctx, person, `made a ${label}`);
        if (input.role !== 'lead_officer') refuseLastLead(ctx, person, `made a ${label}`);
        const since = pendingFor(ctx, input.role, ctx.now());
        ctx.store.people.setRole(
          person.id,
          input.role,
          since ? { since, roleBefore: actingRole(person) } : null,
        );
      }
      return withFingerprint(ctx, mustGetPerson(ctx, person.id));
    }),

  'people:retire': (input: ParsedInput<'people:retire'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const person = mustGetPerson(ctx, input.personId);
      refuseRetired(person, 'retire');
      refuseUnseatingCommissioner(ctx, person, 'retired');
      refuseLastLead(ctx, person, 'retired');
      ctx.store.people.retire(person.id, ctx.now());
      return withFingerprint(ctx, mustGetPerson(ctx, person.id));
    }),

  /**
   * The very first person of a new database is a lead officer who chooses their passphrase here.
   * Everyone after is added by a lead officer with a one-time enrolment code, shown once, with
   * which they choose their own; a commissioner or lead officer waits for the commissioner.
   */
  'people:add': async (input: ParsedInput<'people:add'>, ctx: HandlerContext) => {
    if (ctx.store.people.count() === 0) {
      if (input.role !== 'lead_officer')
        throw fieldRefusal(
          'forbidden',
          'role',
          "A new database's first person is a lead officer, who then adds everyone else",
        );
      if (!input.passphrase)
        throw fieldRefusal(
          'invalid_input',
          'passphrase',
          `Choose your passphrase, ${input.name}: as the first person you set it now`,
        );
      const sealed = await sealNew(ctx, input.passphrase, [input.name]);
      return ctx.store.transaction(() => {
        if (ctx.store.people.count() > 0)
          throw new Refusal('conflict', 'Someone set up Tranche meanwhile: ask them to add you');
        const person = mustGetPerson(ctx, ctx.store.people.create(input.name, input.role, ctx.now()));
        enrolPerson(ctx, person, sealed);
        return { ...withFingerprint(ctx, person), enrolmentCode: null };
      });
    }
    requireLeadOrBootstrap(ctx, 'add people');
    if (input.passphrase !== undefined)
      throw fieldRefusal(
        'invalid_input',
        'passphrase',
        `Nobody chooses another person's passphrase: ${input.name} chooses their own with the ` +
          'enrolment code Tranche shows when they are added',
      );
    refuseTakenName(ctx, input.name);
    const code = await newCodeFor(ctx, input.name);
    return ctx.store.transaction(() => {
      refuseTakenName(ctx, input.name);
      const now = ctx.now();
      const id = ctx.store.people.create(input.name, input.role, now, pendingFor(ctx, input.role, now));
      keepCode(ctx, id, code);
      return { ...withFingerprint(ctx, mustGetPerson(ctx, id)), enrolmentCode: code.code };
    });
  },

  'people:me': (_input: object, ctx: ReadContext) => currentActor(ctx),

  'people:session': (_input: object, ctx: ReadContext) => sessionInfo(ctx),

  'people:lock': (_input: object, ctx: ReadContext) => {
    ctx.session.lock('locked');
    return sessionInfo(ctx);
  },

  /**
   * Choosing who is acting: an existing person, with their passphrase. While nobody holds a key,
   * the first lead officer may be created here, or an existing lead officer claimed by setting
   * their first passphrase (see the README's trust model).
   */
  'people:setProfile': async (input: ParsedInput<'people:setProfile'>, ctx: HandlerContext) => {
    if ('personId' in input) {
      const person = mustGetPerson(ctx, input.personId);
      if (!ctx.store.identities.get(person.id) && nobodyEnrolled(ctx)) {
        if (person.role !== 'lead_officer')
          throw new Refusal(
            'forbidden',
            `Nobody has a passphrase yet: the first to set one must be a lead officer, who then ` +
              `enrols ${person.name}`,
          );
        const sealed = await sealNew(ctx, input.passphrase, [person.name]);
        ctx.store.transaction(() => enrolPerson(ctx, person, sealed));
      }
      await unlockPerson(ctx, person, input.passphrase);
      return person;
    }
    if (!nobodyEnrolled(ctx))
      throw new Refusal(
        'forbidden',
        'Only a lead officer adds people: choose your own profile, or ask a lead officer to add you',
      );
    if (input.role && input.role !== 'lead_officer')
      throw fieldRefusal('forbidden', 'role', 'The first person to set up Tranche is a lead officer');
    refuseTakenName(ctx, input.name, ': choose them instead');
    const sealed = await sealNew(ctx, input.passphrase, [input.name]);
    const person = ctx.store.transaction(() => {
      if (!nobodyEnrolled(ctx))
        throw new Refusal('conflict', 'Someone set up Tranche meanwhile: choose them');
      const created = mustGetPerson(ctx, ctx.store.people.create(input.name, 'lead_officer', ctx.now()));
      enrolPerson(ctx, created, sealed);
      return created;
    });
    await unlockPerson(ctx, person, input.passphrase);
    return person;
  },

  /** Changes the acting person's own passphrase (the current one proved again). */
  'people:passphrase': async (input: ParsedInput<'people:passphrase'>, ctx: HandlerContext) => {
    const actor = currentActor(ctx);
    if (!actor)
      throw new Refusal('forbidden', 'Choose your profile and give your passphrase before changing it');
    await changePassphrase(ctx, actor, input.currentPassphrase, input.newPassphrase);
    return withFingerprint(ctx, actor);
  },

  ...approvalHandlers,
  ...enrolmentHandlers,
};
