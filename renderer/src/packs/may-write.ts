import type { Channel } from '../../../shared/channels';
import type { Role } from '../../../shared/people';
import { allowedOnCopy } from '../../../shared/copy-rules';
import { ruleFor } from '../../../shared/rule-book';

/**
 * Whether a page should offer a write, read from the rule book as the guard reads it
 * (electron/handlers/guard.ts): on a round copy only what the book allows there (`onCopy`); the
 * acting person's role; with nobody acting, only a set-up write while nobody at all is set up.
 * Stages stay each page's own business.
 */
export function mayWrite(
  channel: Channel,
  where: { onCopy: boolean; copyKind?: string; role: Role | null; nobodySetUp: boolean },
): boolean {
  const rule = ruleFor(channel);
  if (where.onCopy && !(where.copyKind ? allowedOnCopy(rule, where.copyKind) : rule.onCopy)) return false;
  if (rule.roles === 'anyone') return true;
  if (!where.role) return Boolean(rule.setup) && where.nobodySetUp;
  return rule.roles.includes(where.role);
}
