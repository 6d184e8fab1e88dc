import { startEarlyRequests } from './start/early-requests';
import { PAGE_CODE, pageAt } from './start/page-code';
import './styles.css';

// The app starts three things at once, before React runs: the requests the opening page's first
// rows wait for (start/early-requests.ts), that page's code, and the app itself (start-app.tsx).
const opening = pageAt(window.location.hash.replace(/^#/, '').split('?')[0] || '/');
startEarlyRequests(opening);
// A page whose code fails to load says so when React asks for it again (App.tsx).
if (opening) PAGE_CODE[opening.page]().catch(() => undefined);
void import('./start-app');
