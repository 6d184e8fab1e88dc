import type { Channel } from '../../../shared/channels';
import type { Output } from '../../../shared/contract';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useMe, useProfile } from '../profile-context';
import { mayWrite } from './may-write';

export type CopyOf = NonNullable<Output<'packs:list'>['copyOf']>;

/**
 * Where a round came from when it is a copy received in a pack (null for the office's own round,
 * and while loading).
 */
export function useRoundCopy(roundId: number): CopyOf | null {
  const [log] = useResult(() => api.packs.list({ roundId }), `round-copy:${roundId}`);
  return log.state === 'ready' ? log.value.copyOf : null;
}

/** `may(channel)` for a round known to be a copy or not (the rounds list knows it of every row). */
export function useMayWriteOn(onCopy: boolean, copyKind?: string): (channel: Channel) => boolean {
  const me = useMe();
  const { session } = useProfile();
  const nobodySetUp = session.state === 'ready' && session.value.setup === 'empty';
  return (channel: Channel) =>
    mayWrite(channel, { onCopy, ...(copyKind ? { copyKind } : {}), role: me?.role ?? null, nobodySetUp });
}

/** `may(channel)`: whether this page should offer that write on this round (see mayWrite). */
export function useMayWrite(roundId: number): { copy: CopyOf | null; may: (channel: Channel) => boolean } {
  const copy = useRoundCopy(roundId);
  return { copy, may: useMayWriteOn(copy !== null, copy?.kind) };
}
