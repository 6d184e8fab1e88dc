import { Link, useLocation } from 'wouter';
import { RoundCopyBanner } from '../packs/RoundCopyBanner';
import { useMayWriteOn, useRoundCopy } from '../packs/round-copy';
import { useRounds } from '../rounds-context';
import type { Channel } from '../../../shared/channels';
import { whyNotAllowed, whyNotNow } from '../../../shared/may-act';
import { useProfile } from '../profile-context';

/** Sub-navigation within a round (MoJ pattern). */
// long-function: the round's tabs, one entry each, beside the rule-book check that offers them
export function RoundNav({ roundId }: { roundId: number }) {
  const [location] = useLocation();
  const { me } = useProfile();
  const copy = useRoundCopy(roundId);
  // A tab is offered only to those the rule book lets read what its page shows.
  const role = me.state === 'ready' ? (me.value?.role ?? null) : null;
  const sees = (channel: Channel) => me.state === 'ready' && whyNotAllowed(channel, role, null) === null;
  // A tab whose page is for a write (importing bids) is offered only where that write is allowed:
  // to those who may make it, at the stages the rule book allows it (never on a signed round).
  const mayWrite = useMayWriteOn(copy !== null);
  const { rounds } = useRounds();
  const stage = rounds.state === 'ready' ? rounds.value.find((r) => r.id === roundId)?.stage : undefined;
  const offers = (channel: Channel) => mayWrite(channel) && !(stage && whyNotNow(channel, stage));
  const all: { href: string; label: string; current: boolean; channel?: Channel; write?: Channel }[] = [
    { href: `/rounds/${roundId}`, label: 'Overview', current: location === `/rounds/${roundId}` },
    {
      href: `/rounds/${roundId}/bids`,
      label: 'Bids',
      current: location.startsWith(`/rounds/${roundId}/bids`),
    },
    {
      href: `/rounds/${roundId}/assessment`,
      label: 'Assessment',
      current: location.startsWith(`/rounds/${roundId}/assessment`),
    },
    {
      href: `/rounds/${roundId}/ranking`,
      label: 'Ranking',
      channel: 'assessment:ranking',
      current: location === `/rounds/${roundId}/ranking`,
    },
    {
      href: `/rounds/${roundId}/moderation`,
      label: 'Moderation',
      channel: 'assessment:moderation',
      current: location === `/rounds/${roundId}/moderation`,
    },
    {
      href: `/rounds/${roundId}/board`,
      label: 'Board review',
      channel: 'board:pack',
      current: location === `/rounds/${roundId}/board`,
    },
    {
      href: `/rounds/${roundId}/allocation`,
      label: 'Allocation',
      channel: 'assessment:ranking',
      current: location === `/rounds/${roundId}/allocation`,
    },
    { href: `/rounds/${roundId}/notice`, label: 'Notice', current: location === `/rounds/${roundId}/notice` },
    {
      href: `/rounds/${roundId}/delivery`,
      label: 'Delivery',
      current: location === `/rounds/${roundId}/delivery`,
    },
    {
      href: `/rounds/${roundId}/history`,
      label: 'History',
      channel: 'audit:history',
      current: location === `/rounds/${roundId}/history`,
    },
    // A copy from the office takes no bids (the rule book keeps bids:import off copies).
    {
      href: `/rounds/${roundId}/import`,
      label: 'Import a schedule',
      write: 'bids:import',
      current: location === `/rounds/${roundId}/import`,
    },
  ];
  const items = all.filter(
    (item) => (!item.channel || sees(item.channel)) && (!item.write || offers(item.write)),
  );
  return (
    <>
      <nav className="sub-nav" aria-label="This round">
        <ul className="sub-nav__list">
          {items.map((item) => (
            <li key={item.href} className="sub-nav__item">
              <Link
                href={item.href}
                className="sub-nav__link"
                aria-current={item.current ? 'page' : undefined}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Every page of a round shows this nav, so a copy's banner is never missed. */}
      <RoundCopyBanner roundId={roundId} copy={copy} />
    </>
  );
}

export function DemoBanner({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <div className="banner banner--demo" role="note" aria-label="Demonstration data">
      <strong className="tag tag--purple">Demonstration</strong> {notice}
    </div>
  );
}
