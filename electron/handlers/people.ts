import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import { ROLE_LABELS, type Person, type SessionInfo } from '../../shared/people';
import { IDLE_LOCK_MS } from '../identity/session';
import { currentActor, PROFILE_KEY } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { changePassphrase, enrolPerson, nobodyEnrolled, roleLabel, sealNew, unlockPerson } from './identity';
import { fieldRefusal, notFound, Refusal } from './refusal';

// The office's people and who is acting. Nobody grants themselves a role: the first person of a
// new database is a lead officer, and after that only a lead officer adds people. Acting as
// someone always needs their passphrase.

type StoredPerson = Person & { retiredAt: string | null };

function mustGetPerson(ctx: HandlerContext, id: number): StoredPerson {
  const person = ctx.store.people.get(id);
  if (!person) throw notFound(`Person ${id}`);
  return person;
}

const withFingerprint = (ctx: HandlerContext, person: Person) => ({
  ...person,
  fingerprint: ctx.store.identities.get(person.id)?.fingerprint ?? null,
  retiredAt: ctx.store.people.get(person.id)?.retiredAt ?? null,
});

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
  if (person.role === 'lead_officer' && ctx.store.people.activeLeadCount() <= 1)
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
    return ctx.store.people.list().map((p) => ({ ...p, fingerprint: fingerprints.get(p.id) ?? null }));
  },

  'people:setRole': (input: ParsedInput<'people:setRole'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const person = mustGetPerson(ctx, input.personId);
      refuseRetired(person, 'change the role of');
      if (person.role !== input.role) {
        if (input.role !== 'lead_officer')
          refuseLastLead(ctx, person, `made a ${ROLE_LABELS[input.role].toLowerCase()}`);
        ctx.store.people.setRole(person.id, input.role);
      }
      return withFingerprint(ctx, mustGetPerson(ctx, person.id));
    }),

  'people:retire': (input: ParsedInput<'people:retire'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const person = mustGetPerson(ctx, input.personId);
      refuseRetired(person, 'retire');
      refuseLastLead(ctx, person, 'retired');
      ctx.store.people.retire(person.id, ctx.now());
      return withFingerprint(ctx, mustGetPerson(ctx, person.id));
    }),

  'people:add': async (input: ParsedInput<'people:add'>, ctx: HandlerContext) => {
    const sealed = await sealNew(ctx, input.passphrase, [input.name]);
    return ctx.store.transaction(() => {
      if (ctx.store.people.count() === 0) {
        if (input.role !== 'lead_officer')
          throw fieldRefusal(
            'forbidden',
            'role',
            "A new database's first person is a lead officer, who then adds everyone else",
          );
      } else requireLeadOrBootstrap(ctx, 'add people');
      refuseTakenName(ctx, input.name);
      const id = ctx.store.people.create(input.name, input.role, ctx.now());
      const person = mustGetPerson(ctx, id);
      enrolPerson(ctx, person, sealed);
      return withFingerprint(ctx, person);
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

  /** A lead officer sets the first passphrase of someone added before identities existed. */
  'people:enrol': async (input: ParsedInput<'people:enrol'>, ctx: HandlerContext) => {
    const person = mustGetPerson(ctx, input.personId);
    const sealed = await sealNew(ctx, input.passphrase, [person.name]);
    return ctx.store.transaction(() => {
      const bootstrap = nobodyEnrolled(ctx) && person.role === 'lead_officer';
      if (!bootstrap) requireLeadOrBootstrap(ctx, 'set the first passphrase of people');
      enrolPerson(ctx, person, sealed);
      return withFingerprint(ctx, person);
    });
  },

  /** Changes the acting person's own passphrase (the current one proved again). */
  'people:passphrase': async (input: ParsedInput<'people:passphrase'>, ctx: HandlerContext) => {
    const actor = currentActor(ctx);
    if (!actor)
      throw new Refusal('forbidden', 'Choose your profile and give your passphrase before changing it');
    await changePassphrase(ctx, actor, input.currentPassphrase, input.newPassphrase);
    return withFingerprint(ctx, actor);
  },
};
