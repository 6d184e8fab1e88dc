import type { Channel } from '../../../../shared/channels';
import { whyNotAllowed } from '../../../../shared/may-act';
import type { Role } from '../../../../shared/people';
import { ruleFor } from '../../../../shared/rule-book';
import type { Stage } from '../../../../shared/stages';

// Which of a grant's forms its page offers, asked of the rule book as dispatch's guard asks it: this
// person's role, the round's stage (a superseding notice takes a signed round back to the decision
// stage, when delivery waits), and what a round copy from the office allows. A form not offered is
// replaced by the one line this gives.

/** Not offered, with nothing to say: while who is acting or the round's stage loads, or on a closed grant. */
export const UNSAID = '';

/** Why `channel`'s form should not be offered (one line), or null when it should. */
export function whyNotOffered(
  channel: Channel,
  where: { role: Role | null; stage: Stage | undefined; known: boolean; mayHere: boolean },
): string | null {
  if (!where.known || !where.stage) return UNSAID;
  const why = whyNotAllowed(channel, where.role, where.stage);
  if (why) return why;
  if (where.mayHere) return null;
  return `This is a copy of the round from the office: only the office can ${ruleFor(channel).action}.`;
}
