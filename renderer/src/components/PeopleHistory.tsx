import { formatDate } from '../../../shared/dates';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { LoadFailure } from './Page';

// The history of the office's people from the audit chain, newest first: who added whom and as what,
// each commissioner's approval, enrolments with a code, role changes and retirements.

export function PeopleHistory({ refreshKey }: { refreshKey: string }) {
  const [history] = useResult(() => api.people.history(), `people-history:${refreshKey}`);
  if (history.state === 'loading') return null;
  if (history.state === 'failed') return <LoadFailure message={history.error.message} />;
  return (
    <>
      <h2 className="heading-m">History of people and roles</h2>
      {history.value.length === 0 ? (
        <p className="body">Nothing yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">History of people and roles, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {history.value.map((e) => (
              <tr key={e.seq}>
                <td>
                  <time dateTime={e.at}>{`${formatDate(e.at)} ${e.at.slice(11, 16)}`}</time>
                </td>
                <td>{e.person ?? 'The person enrolling'}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
