import type { Rule } from './rule-book';

// Which writes a round copy received in a pack takes, by the kind of pack that made it: the guard
// (electron/handlers/guard.ts) refuses the rest, and pages offer only these.

/**
 * A delivery copy stands signed: of the recipient's own work there, only delivery (`onCopy:
 * 'delivery'`) and what any stage allows (the return pack itself); delivery work is done on no
 * other copy.
 */
export function allowedOnCopy(rule: Rule, kind: string): boolean {
  if (kind === 'delivery')
    return rule.onCopy === 'delivery' || (rule.onCopy === true && (rule.stages ?? []).includes('signed'));
  return rule.onCopy === true;
}
