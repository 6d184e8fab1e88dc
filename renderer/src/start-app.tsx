import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// For the bench's breakdown (npm run bench:browser -- --breakdown): when the app's code has run.
performance.mark('tranche:app-code');
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
performance.mark('tranche:first-render');
