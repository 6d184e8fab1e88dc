import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { api } from '../../api';
import { ScenarioComparison } from './ScenarioComparison';

type Outcome = { message: string | null; error: string | null; changed: boolean };

/** The saved scenarios with their Adopt buttons. */
function ScenarioList(props: {
  scenarios: Output<'scenarios:list'>;
  canAllocate: boolean;
  adopt: (id: number, name: string) => void;
}) {
  return (
    <table className="table">
      <caption className="visually-hidden">Saved scenarios</caption>
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col" className="numeric">
            Allocates
          </th>
          <th scope="col" className="numeric">
            Bids funded
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.scenarios.map((s) => (
          <tr key={s.id}>
            <td>
              {s.name} {s.adoptedAt && <strong className="tag tag--green">Adopted</strong>}
              <div className="hint">{s.createdBy ?? ''}</div>
            </td>
            <td className="numeric">{formatMoney(s.allocatedPence)}</td>
            <td className="numeric">{s.items.length}</td>
            <td>
              {props.canAllocate && (
                <button type="button" className="link-button" onClick={() => props.adopt(s.id, s.name)}>
                  Adopt<span className="visually-hidden"> {s.name}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Saving the current allocation or the suggestion as a named scenario. */
function SaveScenario({ roundId, onDone }: { roundId: number; onDone: (outcome: Outcome) => void }) {
  const [name, setName] = useState('');
  const save = async (from: 'current' | 'suggestion') => {
    if (!name.trim()) return onDone({ message: null, error: 'Name the scenario', changed: false });
    const result = await api.scenarios.save({ roundId, name, from });
    if (!result.ok) return onDone({ message: null, error: result.error.message, changed: false });
    onDone({ message: `Scenario "${name}" saved.`, error: null, changed: true });
    setName('');
  };
  return (
    <div className="filters">
      <div className="form-group form-group--inline">
        <label className="label" htmlFor="scenario-name">
          Scenario name
        </label>
        <input
          id="scenario-name"
          className="input input--medium"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="button" className="button button--secondary" onClick={() => void save('current')}>
        Save the current allocation
      </button>
      <button type="button" className="button button--secondary" onClick={() => void save('suggestion')}>
        Save the suggestion
      </button>
    </div>
  );
}

/**
 * The round's saved scenarios: save, adopt (with a reason where one departs from the ranking) and
 * compare. `onDone` reports each outcome; `changed` says the allocation or the list changed.
 */
export function ScenariosSection(props: {
  roundId: number;
  canAllocate: boolean;
  scenarios: Output<'scenarios:list'> | null;
  adoptReason: string;
  setAdoptReason: (text: string) => void;
  onDone: (outcome: Outcome) => void;
}) {
  const { scenarios, canAllocate } = props;
  const adopt = async (scenarioId: number, name: string) => {
    const reason = props.adoptReason.trim();
    const result = await api.scenarios.adopt({
      roundId: props.roundId,
      scenarioId,
      ...(reason ? { reason } : {}),
    });
    if (!result.ok) return props.onDone({ message: null, error: result.error.message, changed: false });
    props.onDone({ message: `"${name}" adopted as the round's allocation.`, error: null, changed: true });
  };
  return (
    <>
      <h2 className="heading-m">Scenarios</h2>
      {canAllocate && <SaveScenario roundId={props.roundId} onDone={props.onDone} />}
      {scenarios && scenarios.length === 0 && <p className="secondary">No scenarios saved.</p>}
      {scenarios && scenarios.length > 0 && (
        <>
          {canAllocate && (
            <div className="form-group">
              <label className="label" htmlFor="scenario-reason">
                Reason for departing from the ranking
              </label>
              <div className="hint" id="scenario-reason-hint">
                Needed to adopt a scenario that funds a bid out of rank order, below the threshold or below a
                minimum; recorded beside those awards and printed in the notice.
              </div>
              <textarea
                id="scenario-reason"
                aria-describedby="scenario-reason-hint"
                className="input"
                rows={2}
                value={props.adoptReason}
                onChange={(e) => props.setAdoptReason(e.target.value)}
              />
            </div>
          )}
          <ScenarioList
            scenarios={scenarios}
            canAllocate={canAllocate}
            adopt={(id, name) => void adopt(id, name)}
          />
          <ScenarioComparison scenarios={scenarios} />
        </>
      )}
    </>
  );
}
