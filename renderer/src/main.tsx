import { startEarlyRequests } from './start/early-requests';
import { loadPage, pageAt } from './start/page-code';
import './styles.css';

// The app starts three things at once, before React runs: the app itself (start-app.tsx), the code
// of the page it opens on, and the requests that page's first rows wait for (start/early-requests.ts).
// The code is asked for first: the data requests then take the connections the code leaves free.
const opening = pageAt(window.location.hash.replace(/^#/, '').split('?')[0] || '/');
void import('./start-app');
// A page whose code fails to load says so when React asks for it again (App.tsx).
if (opening) loadPage(opening.page).catch(() => undefined);
startEarlyRequests(opening);
