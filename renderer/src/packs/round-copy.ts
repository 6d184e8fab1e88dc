import type { Channel } from '../../../shared/channels';
import type { Output } from '../../../shared/contract';
import { ruleFor } from '../../../shared/rule-book';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useMe, useProfile } from '../profile-context';

export type CopyOf = NonNullable<Output<'packs:list'>['copyOf']>;

/**
 * Where a round came from when it is a copy received in a pack (null for the office's own round,
 * and while loading). `version` reloads it, e.g. after a pack was opened.
 */
export function useRoundCopy(roundId: number, version = 0): CopyOf | null {
  const [log] = useResult(() => api.packs.list({ roundId }), `round-copy:${roundId}:${version}`);
  return log.state === 'ready' ? log.value.copyOf : null;
}

/**
 * Whether the page should offer a write on this round, read from the rule book as the guard reads
 * it: on a round copy only what it allows there (`onCopy`); the acting person's role, or with nobody
 * set up at all a set-up write. The guard decides in the end; this only spares the user buttons that
 * would be refused for an ordinary click. Stages stay the page's own business, as before.
 */
export function useMayWrite(roundId: number): { copy: CopyOf | null; may: (channel: Channel) => boolean } {
  const me = useMe();
  const { session } = useProfile();
  const nobodySetUp = session.state === 'ready' && session.value.setup === 'empty';
  const copy = useRoundCopy(roundId);
  const may = (channel: Channel) => {
    const rule = ruleFor(channel);
    if (copy && !rule.onCopy) return false;
    if (rule.roles === 'anyone') return true;
    if (!me) return Boolean(rule.setup) && nobodySetUp;
    return rule.roles.includes(me.role);
  };
  return { copy, may };
}
