import { Link, useLocation } from 'wouter';
import { RoundCopyBanner } from '../packs/RoundCopyBanner';
import { useRoundCopy } from '../packs/round-copy';
import { useProfile } from '../profile-context';

/** Sub-navigation within a round (MoJ pattern). */
export function RoundNav({ roundId }: { roundId: number }) {
  const [location] = useLocation();
  const { me } = useProfile();
  const copy = useRoundCopy(roundId);
  // The history is for lead officers and the commissioner (the handler refuses anyone else).
  const seesHistory =
    me.state === 'ready' && (me.value?.role === 'lead_officer' || me.value?.role === 'commissioner');
  const items = [
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
      current: location === `/rounds/${roundId}/ranking`,
    },
    {
      href: `/rounds/${roundId}/moderation`,
      label: 'Moderation',
      current: location === `/rounds/${roundId}/moderation`,
    },
    {
      href: `/rounds/${roundId}/board`,
      label: 'Board review',
      current: location === `/rounds/${roundId}/board`,
    },
    {
      href: `/rounds/${roundId}/allocation`,
      label: 'Allocation',
      current: location === `/rounds/${roundId}/allocation`,
    },
    { href: `/rounds/${roundId}/notice`, label: 'Notice', current: location === `/rounds/${roundId}/notice` },
    {
      href: `/rounds/${roundId}/delivery`,
      label: 'Delivery',
      current: location === `/rounds/${roundId}/delivery`,
    },
    ...(seesHistory
      ? [
          {
            href: `/rounds/${roundId}/history`,
            label: 'History',
            current: location === `/rounds/${roundId}/history`,
          },
        ]
      : []),
    // A copy from the office takes no bids: they come only from the office's round.
    ...(copy
      ? []
      : [
          {
            href: `/rounds/${roundId}/import`,
            label: 'Import a schedule',
            current: location === `/rounds/${roundId}/import`,
          },
        ]),
  ];
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
