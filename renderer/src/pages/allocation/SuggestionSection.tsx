import { useState } from 'react';
import { SUGGEST_METHOD_LABELS, SUGGEST_METHODS, type SuggestMethod } from '../../../../shared/assessment';
import type { Output } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { RANK_ORDER_EXPLANATION } from '../../../../shared/rank-order';
import { VALUE_EXPLANATION } from '../../../../shared/suggest';
import { api } from '../../api';

export type Suggestion = Output<'allocation:suggest'>;

/** What the suggestion funds and what it leaves out, with the reason for each left out. */
function SuggestionTables({ suggestion }: { suggestion: Suggestion }) {
  return (
    <div className="two-columns">
      <table className="table">
        <caption className="table__caption">
          Suggested {suggestion.method === 'rank' ? 'in rank order' : 'by score per pound'}:{' '}
          {formatMoney(suggestion.allocatedPence)}
        </caption>
        <tbody>
          {suggestion.items.map((i) => (
            <tr key={i.ref}>
              <td>{i.ref}</td>
              <td>{i.option === 'reduced' ? 'Reduced' : 'Full'}</td>
              <td className="numeric">{formatMoney(i.amountPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h3 className="heading-s">Left out, and why</h3>
        <ul>
          {suggestion.excluded.map((e) => (
            <li key={e.ref}>
              <strong>{e.ref}</strong>: {e.reason}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Suggesting an allocation (in rank order or by score per pound) and adopting it. The suggestion
 * is kept by the page, as a scenario can be saved from it.
 */
export function SuggestionSection(props: {
  roundId: number;
  canAllocate: boolean;
  suggestion: Suggestion | null;
  setSuggestion: (s: Suggestion | null) => void;
  adoptReason: string;
  setAdoptReason: (text: string) => void;
  onDone: (outcome: { message: string | null; error: string | null; changed: boolean }) => void;
}) {
  const { suggestion, canAllocate } = props;
  const [method, setMethod] = useState<SuggestMethod>('rank');
  const suggest = async (apply: boolean) => {
    const reason = props.adoptReason.trim();
    const result = await api.allocation.suggest({
      roundId: props.roundId,
      apply,
      method,
      ...(apply && reason ? { reason } : {}),
    });
    if (!result.ok) return props.onDone({ message: null, error: result.error.message, changed: false });
    props.setSuggestion(result.value);
    const adopted = `The suggestion (${formatMoney(result.value.allocatedPence)}) is now the round's allocation.`;
    props.onDone({ message: apply ? adopted : null, error: null, changed: apply });
  };
  return (
    <>
      <h2 className="heading-m">Suggested allocation</h2>
      <fieldset className="fieldset">
        <legend className="label">How to suggest</legend>
        <div className="scale">
          {SUGGEST_METHODS.map((m) => (
            <div className="scale__point" key={m}>
              <input
                type="radio"
                id={`method-${m}`}
                name="suggest-method"
                value={m}
                checked={method === m}
                onChange={() => {
                  setMethod(m);
                  props.setSuggestion(null);
                }}
              />
              <label htmlFor={`method-${m}`}>{SUGGEST_METHOD_LABELS[m]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="body">{method === 'rank' ? RANK_ORDER_EXPLANATION : VALUE_EXPLANATION}</p>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void suggest(false)}>
          Suggest an allocation
        </button>
        {canAllocate && suggestion && (
          <button type="button" className="button" onClick={() => void suggest(true)}>
            Adopt the suggestion
          </button>
        )}
      </div>
      {canAllocate && suggestion && method === 'value' && (
        <div className="form-group">
          <label className="label" htmlFor="adopt-reason">
            Reason for departing from the ranking (needed to adopt this suggestion)
          </label>
          <textarea
            id="adopt-reason"
            className="input"
            rows={2}
            value={props.adoptReason}
            onChange={(e) => props.setAdoptReason(e.target.value)}
          />
        </div>
      )}
      {suggestion && <SuggestionTables suggestion={suggestion} />}
    </>
  );
}
