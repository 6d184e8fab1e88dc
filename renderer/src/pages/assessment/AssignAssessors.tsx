import { useState } from 'react';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { assignable } from './assessment-words';

/** The lead officer assigns an officer to every bid in the round at once. */
export function AssignAssessors({
  roundId,
  onAssigned,
  onError,
}: {
  roundId: number;
  onAssigned: (message: string) => void;
  onError: (message: string) => void;
}) {
  const [people] = useResult(() => api.people.list(), 'people');
  const [assessor, setAssessor] = useState('');
  const assignAll = async () => {
    if (!assessor) return onError('Choose an assessor to assign');
    const result = await api.assessment.assign({ roundId, assessor, all: true });
    if (!result.ok) return onError(result.error.message);
    onAssigned([`${assessor} is assigned to every bid.`, ...result.value.warnings].join(' '));
  };
  return (
    <>
      <h2 className="heading-m">Assign assessors</h2>
      <div className="filters">
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="assign-person">
            Assessor
          </label>
          <select
            id="assign-person"
            className="select"
            value={assessor}
            onChange={(e) => setAssessor(e.target.value)}
          >
            <option value="">Choose an officer</option>
            {people.state === 'ready' &&
              assignable(people.value).map((p) => (
                <option key={p.id} value={p.name}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
        <button type="button" className="button" onClick={() => void assignAll()}>
          Assign to every bid
        </button>
      </div>
    </>
  );
}
