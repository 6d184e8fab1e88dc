import { api } from '../api';
import { LoadFailure, Page } from '../components/Page';
import { useResult } from '../hooks/useResult';

export function AboutPage() {
  const [info] = useResult(() => api.app.info(), 'app-info');
  return (
    <Page title="About and data">
      <p className="body">Tranche keeps every round, bid, score and decision in one database file on this computer. Back it up with the rest of your documents.</p>
      {info.state === 'failed' && <LoadFailure message={info.error.message} />}
      {info.state === 'ready' && (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Database file</dt>
            <dd>
              <code>{info.value.databaseFile}</code>
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>Tranche version</dt>
            <dd>{info.value.version}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Database migrations applied</dt>
            <dd>{info.value.schemaVersion}</dd>
          </div>
        </dl>
      )}
    </Page>
  );
}
