import { Link } from 'wouter';
import { api } from '../api';
import { LoadFailure, Page } from '../components/Page';
import { useResult } from '../hooks/useResult';

export function SearchPage({ text }: { text: string }) {
  const [hits] = useResult(() => api.search.query({ text }), `search:${text}`);
  return (
    <Page title={`Search: ${text}`}>
      {hits.state === 'loading' && <p aria-live="polite">Searching…</p>}
      {hits.state === 'failed' && <LoadFailure message={hits.error.message} />}
      {hits.state === 'ready' && (
        <>
          <p aria-live="polite">
            {hits.value.length === 0
              ? 'Nothing matches.'
              : `${hits.value.length} ${hits.value.length === 1 ? 'bid matches' : 'bids match'}.`}
          </p>
          <ol className="search-results">
            {hits.value.map((hit) => (
              <li key={hit.bidId}>
                <Link href={`/rounds/${hit.roundId}/bids/${hit.bidId}`}>
                  {hit.ref}: {hit.title}
                </Link>
                <div className="hint">{hit.partnership}</div>
                <p className="secondary">{hit.snippet}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}
