import type { Channel } from '../../../shared/channels';
import type { Result } from '../../../shared/result';
import { overHttp } from '../over-http';
import type { PageName } from './page-code';

// The requests the page the app opens on waits for, asked for as the app starts, before React and
// the page's code have loaded, so the engine works while the browser loads and runs the rest.
// Each answer is kept under the key its page's useResult asks with, and handed over once. The
// engine checks each request against the rule book as always: a page someone may not see gets a
// refusal here, which is dropped (the page then asks again in the usual way, see useResult).

type Early = Promise<Result<unknown> | null>;
const early = new Map<string, Early>();
let bootHash: string | null = null;

/** What each page asks for first, with useResult's key for it: only what its first rows need. */
const PAGE_REQUESTS: Partial<Record<PageName, (roundId: number) => [string, Channel, unknown][]>> = {
  BidsPage: (roundId) => [[`bids:${roundId}`, 'bids:list', { roundId }]],
  RankingPage: (roundId) => [[`ranking-rows:${roundId}`, 'assessment:rankingRows', { roundId }]],
  BoardPage: (roundId) => [
    [`board:${roundId}`, 'board:pack', { roundId }],
    [`shortlist:${roundId}`, 'shortlist:get', { roundId }],
  ],
  AllocationPage: (roundId) => [
    [`ranking-rows:${roundId}`, 'assessment:rankingRows', { roundId }],
    [`allocation:${roundId}`, 'allocation:get', { roundId }],
  ],
};

/** The desktop app's preload, or the web bridge over fetch; any failure reads as "ask again". */
function ask(channel: Channel, input: unknown): Early {
  const [domain = '', verb = ''] = channel.split(':');
  const viaPreload = (
    window.api as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
  )?.[domain]?.[verb];
  const answer = viaPreload ? viaPreload(input) : overHttp(channel, input);
  return (answer as Promise<Result<unknown> | null>).catch(() => null);
}

/**
 * Asks who is using Tranche (every round page's gate waits for it), then the opening page's first
 * rows. The other start-up reads wait for React as before: a browser opens only six connections to
 * a server, and the page's code must not queue behind them.
 */
export function startEarlyRequests(opening: { page: PageName; roundId: number | null } | null): void {
  bootHash = window.location.hash;
  const requests: [string, Channel, unknown][] = [['me', 'people:me', undefined]];
  if (opening?.roundId != null) requests.push(...(PAGE_REQUESTS[opening.page]?.(opening.roundId) ?? []));
  for (const [key, channel, input] of requests) early.set(key, ask(channel, input));
  // Once the user moves on, what was asked at the start is no longer what a page should show.
  window.addEventListener('hashchange', () => early.clear(), { once: true });
}

/**
 * The answer asked for at start-up under `key`, once, while the app is still on the page it opened
 * on; otherwise undefined. Only a successful answer is handed over: anything else is asked again.
 */
export function takeEarly(key: string): Early | undefined {
  const answer = early.get(key);
  if (!answer || window.location.hash !== bootHash) return undefined;
  early.delete(key);
  return answer.then((result) => (result?.ok ? result : null));
}
