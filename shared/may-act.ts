import type { Channel } from './channels';
import { ROLE_LABELS, type Role } from './people';
import { ruleFor } from './rule-book';
import { STAGE_LABELS, type Stage } from './stages';

// What a page offers, asked of the rule book as the guard asks it (electron/handlers/guard.ts):
// "may this person call this channel on this round now". A page, tab or button is offered only when
// the answer is yes; where it is no, the answer is the plain sentence to show instead.

/** "lead officer", "lead officer or commissioner", "lead officer, board member or commissioner". */
export function roleList(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

/** Why `channel` may not be called on a round at `stage` (its stages in the rule book); null if it may. */
export function whyNotNow(channel: Channel, stage: Stage): string | null {
  const rule = ruleFor(channel);
  if (rule.access !== 'write' || !rule.stages || rule.stages.includes(stage)) return null;
  if (stage === 'signed') return `The decision is signed: nobody can ${rule.action} now.`;
  const names = rule.stages.map((s) => STAGE_LABELS[s].toLowerCase());
  const when = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return `You can ${rule.action} only at the ${when} stage; this round is at ${STAGE_LABELS[stage].toLowerCase()}.`;
}

/**
 * Why `role` may not call `channel` on a round at `stage` (null: the stage is not known or does not
 * matter); null when they may. Writes are checked against their stages, reads only against roles.
 */
export function whyNotAllowed(channel: Channel, role: Role | null, stage: Stage | null): string | null {
  const rule = ruleFor(channel);
  if (rule.roles !== 'anyone' && (!role || !rule.roles.includes(role)))
    return `Only a ${roleList(rule.roles)} can ${rule.action}.`;
  return stage ? whyNotNow(channel, stage) : null;
}

/**
 * Why `me` may not make the second of two acts the rule book keeps apart (`separateFrom`: approving
 * a payment is never done by whoever recorded the claim) on a record `firstBy` made; null if they may.
 */
export function whyNotSecondPerson(channel: Channel, me: string | null, firstBy: string): string | null {
  const rule = ruleFor(channel);
  if (!rule.separateFrom || me === null || me !== firstBy) return null;
  const others = rule.roles === 'anyone' ? 'person' : roleList(rule.roles);
  return `You recorded this, so you cannot ${rule.action} on it: another ${others} must.`;
}
