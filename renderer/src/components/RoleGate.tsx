import type { ReactNode } from 'react';
import type { Channel } from '../../../shared/channels';
import { whyNotAllowed } from '../../../shared/may-act';
import { useProfile } from '../profile-context';
import { Page } from './Page';
import { RoundNav } from './RoundNav';

/**
 * A round's page that only some may see (its channel's roles in the rule book): for anyone else, a
 * plain sentence saying who can, instead of the page failing to load.
 */
export function RoleGate(props: { channel: Channel; title: string; roundId: number; children: ReactNode }) {
  const { me } = useProfile();
  if (me.state !== 'ready') return null;
  const why = whyNotAllowed(props.channel, me.value?.role ?? null, null);
  if (!why) return <>{props.children}</>;
  return (
    <Page title={props.title}>
      <RoundNav roundId={props.roundId} />
      <p className="body">{why}</p>
    </Page>
  );
}
