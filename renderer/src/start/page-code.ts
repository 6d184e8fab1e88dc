// Each page's code, loaded when its route is first shown (lazy-page.ts wraps these in React.lazy), so the
// bids list never waits for the allocation page's code. start.ts also asks for the code of the page
// the app opens on, before React has started, so it loads while the rest of the app does.

export const PAGE_CODE = {
  AboutPage: () => import('../pages/AboutPage'),
  AllocationPage: () => import('../pages/AllocationPage'),
  AssessmentPage: () => import('../pages/AssessmentPage'),
  BidFormPage: () => import('../pages/BidFormPage'),
  BidPage: () => import('../pages/BidPage'),
  BidsPage: () => import('../pages/BidsPage'),
  BoardPage: () => import('../pages/BoardPage'),
  DeliveryPage: () => import('../pages/DeliveryPage'),
  FeedbackPage: () => import('../pages/FeedbackPage'),
  FrameworkPage: () => import('../pages/FrameworkPage'),
  GrantPage: () => import('../pages/delivery/GrantPage'),
  HistoryPage: () => import('../pages/HistoryPage'),
  ImportPage: () => import('../pages/ImportPage'),
  ModerationPage: () => import('../pages/ModerationPage'),
  NoticePage: () => import('../pages/NoticePage'),
  OpenPackPage: () => import('../pages/OpenPackPage'),
  PartnershipsPage: () => import('../pages/PartnershipsPage'),
  PeoplePage: () => import('../pages/PeoplePage'),
  PlansPage: () => import('../pages/PlansPage'),
  ProfilePage: () => import('../pages/ProfilePage'),
  PublishPage: () => import('../pages/PublishPage'),
  RankingPage: () => import('../pages/RankingPage'),
  ReportsPage: () => import('../pages/ReportsPage'),
  RoundFormPage: () => import('../pages/RoundFormPage'),
  RoundOverviewPage: () => import('../pages/RoundOverviewPage'),
  RoundsPage: () => import('../pages/RoundsPage'),
  ScoringPage: () => import('../pages/ScoringPage'),
  SearchPage: () => import('../pages/SearchPage'),
};

export type PageName = keyof typeof PAGE_CODE;

/** Each page's code once it has arrived, by page: lazy-page.ts then draws the page at once. */
export const LOADED_PAGES = new Map<PageName, Record<string, unknown>>();

/** Loads a page's code (once: the browser keeps the module) and notes it as loaded. */
export function loadPage(name: PageName): Promise<Record<string, unknown>> {
  return PAGE_CODE[name]().then((code: Record<string, unknown>) => {
    LOADED_PAGES.set(name, code);
    return code;
  });
}

/** A round's own pages, by the last part of their address (`#/rounds/1/allocation`). */
const ROUND_PAGES: Record<string, PageName> = {
  bids: 'BidsPage',
  ranking: 'RankingPage',
  board: 'BoardPage',
  allocation: 'AllocationPage',
  moderation: 'ModerationPage',
  assessment: 'AssessmentPage',
  notice: 'NoticePage',
  feedback: 'FeedbackPage',
  framework: 'FrameworkPage',
  delivery: 'DeliveryPage',
  history: 'HistoryPage',
  import: 'ImportPage',
};

/** The page an address opens on, when it is one of the round's pages or the list of rounds. */
export function pageAt(path: string): { page: PageName; roundId: number | null } | null {
  if (path === '/' || path === '/rounds') return { page: 'RoundsPage', roundId: null };
  const match = /^\/rounds\/(\d+)(?:\/([a-z]+))?$/.exec(path);
  if (!match) return null;
  const roundId = Number(match[1]);
  const page = match[2] === undefined ? 'RoundOverviewPage' : ROUND_PAGES[match[2]];
  return page ? { page, roundId } : null;
}
