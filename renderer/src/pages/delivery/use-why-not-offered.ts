import type { Channel } from '../../../../shared/channels';
import { useMayWrite } from '../../packs/round-copy';
import { useProfile } from '../../profile-context';
import { useRounds } from '../../rounds-context';
import { whyNotOffered } from './grant-offers';

/** `whyNot(channel)` for the round a grant page shows. */
export function useWhyNotOffered(roundId: number): (channel: Channel) => string | null {
  const { me } = useProfile();
  const { may } = useMayWrite(roundId);
  const { rounds } = useRounds();
  const stage = rounds.state === 'ready' ? rounds.value.find((r) => r.id === roundId)?.stage : undefined;
  const role = me.state === 'ready' ? (me.value?.role ?? null) : null;
  return (channel) =>
    whyNotOffered(channel, { role, stage, known: me.state === 'ready', mayHere: may(channel) });
}
