import { Suspense, useState, type ReactNode } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Role } from '../../shared/people';
import { LockScreen } from './components/LockScreen';
import { Page, PAGE_START_ID } from './components/Page';
import { RecordStatus } from './components/RecordStatus';
import { ProfileProvider, useProfile } from './profile-context';
import { RoundsProvider, useRounds } from './rounds-context';
import { RoleGate } from './components/RoleGate';
import { ROLE_LABELS } from '../../shared/people';
import { lazyPage } from './lazy-page';

// Each page's code loads when it is first shown (start/page-code.ts).
const AboutPage = lazyPage('AboutPage');
const AllocationPage = lazyPage('AllocationPage');
const AssessmentPage = lazyPage('AssessmentPage');
const BidFormPage = lazyPage('BidFormPage');
const BidPage = lazyPage('BidPage');
const BidsPage = lazyPage('BidsPage');
const BoardPage = lazyPage('BoardPage');
const DeliveryPage = lazyPage('DeliveryPage');
const FeedbackPage = lazyPage('FeedbackPage');
const FrameworkPage = lazyPage('FrameworkPage');
const GrantPage = lazyPage('GrantPage');
const HistoryPage = lazyPage('HistoryPage');
const ImportPage = lazyPage('ImportPage');
const ModerationPage = lazyPage('ModerationPage');
const NoticePage = lazyPage('NoticePage');
const OpenPackPage = lazyPage('OpenPackPage');
const PartnershipsPage = lazyPage('PartnershipsPage');
const PeoplePage = lazyPage('PeoplePage');
const PlansPage = lazyPage('PlansPage');
const ProfilePage = lazyPage('ProfilePage');
const PublishPage = lazyPage('PublishPage');
const RankingPage = lazyPage('RankingPage');
const ReportsPage = lazyPage('ReportsPage');
const RoundFormPage = lazyPage('RoundFormPage');
const RoundOverviewPage = lazyPage('RoundOverviewPage');
const RoundsPage = lazyPage('RoundsPage');
const ScoringPage = lazyPage('ScoringPage');
const SearchPage = lazyPage('SearchPage');

function RoundSwitcher() {
  const { rounds } = useRounds();
  const [location, navigate] = useLocation();
  const current = /^\/rounds\/(\d+)/.exec(location)?.[1] ?? '';
  const list = rounds.state === 'ready' ? rounds.value : [];
  return (
    <div className="round-switcher">
      <label htmlFor="round-switcher">Round</label>
      <select
        id="round-switcher"
        value={list.some((r) => String(r.id) === current) ? current : ''}
        onChange={(event) => navigate(event.target.value ? `/rounds/${event.target.value}` : '/rounds')}
      >
        <option value="">{list.length === 0 ? 'No rounds yet' : 'Choose a round'}</option>
        {list.map((round) => (
          <option key={round.id} value={round.id}>
            {round.fund} — {round.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function SearchBox() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) navigate(`/search/${encodeURIComponent(text.trim())}`);
      }}
    >
      <label htmlFor="search-box" className="visually-hidden">
        Search bids and business cases
      </label>
      <input
        id="search-box"
        type="search"
        placeholder="Search bids and cases"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}

function WhoAmI() {
  const { me, session } = useProfile();
  if (me.state !== 'ready') return null;
  const locked = session.state === 'ready' && session.value.state === 'locked' ? session.value.person : null;
  return (
    <Link href="/profile" className="header__me">
      {locked
        ? `Locked · ${locked.name}`
        : me.value
          ? `${me.value.name} · ${ROLE_LABELS[me.value.role]}`
          : 'Set up your profile'}
    </Link>
  );
}

/** Once the session locks, every page but the profile page gives way to the lock screen. */
function Locked({ children }: { children: ReactNode }) {
  const { session, reload } = useProfile();
  const [location] = useLocation();
  if (session.state === 'ready' && session.value.state === 'locked' && location !== '/profile')
    return <LockScreen session={session.value} onUnlocked={reload} />;
  // Pages load their code when first shown (start/page-code.ts): meanwhile, a line saying so.
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

function ProfileReminder() {
  const { me, session } = useProfile();
  const [location] = useLocation();
  if (session.state === 'ready' && session.value.state === 'locked') return null;
  if (me.state !== 'ready' || me.value || location === '/profile' || location === '/open-pack') return null;
  if (session.state === 'ready' && session.value.setup === 'empty')
    return (
      <div className="banner banner--important" role="region" aria-label="Profile">
        Nobody is set up on this Tranche yet. <Link href="/open-pack">Open a pack from your office</Link>, or{' '}
        <Link href="/profile">set up an office</Link>.
      </div>
    );
  return (
    <div className="banner banner--important" role="region" aria-label="Profile">
      Tranche does not know who you are yet. <Link href="/profile">Set up your profile</Link> to score,
      moderate or sign.
    </div>
  );
}

function NavLink({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const active = location === href || location.startsWith(`${href}/`);
  return (
    <li>
      <Link href={href} className="nav__link" aria-current={active ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

/** A link only lead officers need: the page itself still shows the list to anyone. */
function LeadNavLink({
  href,
  children,
  roles = ['lead_officer'],
}: {
  href: string;
  children: string;
  roles?: Role[];
}) {
  const { me } = useProfile();
  if (me.state !== 'ready' || !me.value || !roles.includes(me.value.role)) return null;
  return <NavLink href={href}>{children}</NavLink>;
}

/** While a page's code loads: a line a screen reader announces, in the place the page will fill. */
function PageLoading() {
  return (
    <p aria-live="polite" className="hint">
      Loading the page…
    </p>
  );
}

// long-function: the app's frame and its routes, one per page, in one table
function Frame() {
  return (
    <>
      <p id={PAGE_START_ID} className="visually-hidden" tabIndex={-1} />
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <Link href="/rounds" className="header__title">
            Tranche
          </Link>
          <nav aria-label="Main" className="nav">
            <ul className="nav__list">
              <NavLink href="/rounds">Funding rounds</NavLink>
              <NavLink href="/plans">Plans</NavLink>
              <NavLink href="/partnerships">Partnerships</NavLink>
              <NavLink href="/reports">Reports</NavLink>
              <NavLink href="/publishing">Publishing</NavLink>
              {/* The commissioner too: they approve every commissioner and lead officer there. */}
              <LeadNavLink href="/people" roles={['lead_officer', 'commissioner']}>
                People
              </LeadNavLink>
              <NavLink href="/about">About and data</NavLink>
            </ul>
          </nav>
          <SearchBox />
          <RoundSwitcher />
          <WhoAmI />
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <RecordStatus />
        <ProfileReminder />
        <Locked>
          <Switch>
            <Route path="/">
              <Redirect to="/rounds" />
            </Route>
            <Route path="/rounds" component={RoundsPage} />
            <Route path="/rounds/new">
              <RoundFormPage />
            </Route>
            <Route path="/rounds/:id/edit">{(params) => <RoundFormPage id={Number(params.id)} />}</Route>
            <Route path="/rounds/:id/bids">{(params) => <BidsPage roundId={Number(params.id)} />}</Route>
            <Route path="/rounds/:id/bids/new">
              {(params) => <BidFormPage roundId={Number(params.id)} />}
            </Route>
            <Route path="/rounds/:id/bids/:bid/edit">
              {(params) => <BidFormPage roundId={Number(params.id)} id={Number(params.bid)} />}
            </Route>
            <Route path="/rounds/:id/bids/:bid">
              {(params) => <BidPage roundId={Number(params.id)} id={Number(params.bid)} />}
            </Route>
            <Route path="/rounds/:id/assessment">
              {(params) => <AssessmentPage roundId={Number(params.id)} />}
            </Route>
            <Route path="/rounds/:id/assessment/:bid">
              {(params) => <ScoringPage roundId={Number(params.id)} bidId={Number(params.bid)} />}
            </Route>
            <Route path="/rounds/:id/notice">{(params) => <NoticePage roundId={Number(params.id)} />}</Route>
            <Route path="/rounds/:id/feedback">
              {(params) => (
                <RoleGate channel="feedback:list" title="Feedback for letters" roundId={Number(params.id)}>
                  <FeedbackPage roundId={Number(params.id)} />
                </RoleGate>
              )}
            </Route>
            <Route path="/rounds/:id/board">
              {(params) => (
                <RoleGate channel="board:pack" title="Board review" roundId={Number(params.id)}>
                  <BoardPage roundId={Number(params.id)} />
                </RoleGate>
              )}
            </Route>
            <Route path="/rounds/:id/allocation">
              {(params) => (
                <RoleGate channel="assessment:ranking" title="Allocation" roundId={Number(params.id)}>
                  <AllocationPage roundId={Number(params.id)} />
                </RoleGate>
              )}
            </Route>
            <Route path="/rounds/:id/framework">
              {(params) => <FrameworkPage roundId={Number(params.id)} />}
            </Route>
            <Route path="/rounds/:id/ranking">
              {(params) => (
                <RoleGate channel="assessment:ranking" title="Ranking" roundId={Number(params.id)}>
                  <RankingPage roundId={Number(params.id)} />
                </RoleGate>
              )}
            </Route>
            <Route path="/rounds/:id/moderation">
              {(params) => (
                <RoleGate channel="assessment:moderation" title="Moderation" roundId={Number(params.id)}>
                  <ModerationPage roundId={Number(params.id)} />
                </RoleGate>
              )}
            </Route>
            <Route path="/rounds/:id/delivery">
              {(params) => <DeliveryPage roundId={Number(params.id)} />}
            </Route>
            <Route path="/rounds/:id/delivery/:ref">
              {(params) => <GrantPage roundId={Number(params.id)} bidRef={decodeURIComponent(params.ref)} />}
            </Route>
            <Route path="/rounds/:id/history">
              {(params) => (
                <RoleGate channel="audit:history" title="History" roundId={Number(params.id)}>
                  <HistoryPage roundId={Number(params.id)} />
                </RoleGate>
              )}
            </Route>
            <Route path="/rounds/:id/import">{(params) => <ImportPage roundId={Number(params.id)} />}</Route>
            <Route path="/search/:text">
              {(params) => <SearchPage text={decodeURIComponent(params.text)} />}
            </Route>
            <Route path="/rounds/:id">{(params) => <RoundOverviewPage id={Number(params.id)} />}</Route>
            <Route path="/about" component={AboutPage} />
            <Route path="/plans" component={PlansPage} />
            <Route path="/partnerships" component={PartnershipsPage} />
            <Route path="/publishing" component={PublishPage} />
            <Route path="/reports" component={ReportsPage} />
            <Route path="/profile" component={ProfilePage} />
            <Route path="/people" component={PeoplePage} />
            <Route path="/open-pack" component={OpenPackPage} />
            <Route>
              <Page title="Page not found">
                <p>
                  There is no page at this address. <Link href="/rounds">Go to funding rounds</Link>.
                </p>
              </Page>
            </Route>
          </Switch>
        </Locked>
      </main>
    </>
  );
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <ProfileProvider>
        <RoundsProvider>
          <Frame />
        </RoundsProvider>
      </ProfileProvider>
    </Router>
  );
}
