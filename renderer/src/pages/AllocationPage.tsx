import { rankText, sharedRanks } from '../../../shared/ranking';
import { useMemo, useState } from 'react';
import {
  SUGGEST_METHOD_LABELS,
  SUGGEST_METHODS,
  type Allocation,
  type SuggestMethod,
} from '../../../shared/assessment';
import type { Output } from '../../../shared/contract';
import { RANK_ORDER_EXPLANATION } from '../../../shared/rank-order';
import { VALUE_EXPLANATION } from '../../../shared/suggest';
import { formatMoney, parseMoney } from '../../../shared/money';
import { api } from '../api';
import { RequestedAllocatedBar } from '../components/Bars';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { useMe } from '../profile-context';
import { useMayWrite } from '../packs/round-copy';

type Option = 'none' | 'full' | 'reduced' | 'custom';

function MoneyBar({ allocation }: { allocation: Allocation }) {
  const share =
    allocation.availablePence > 0
      ? Math.min(100, (allocation.allocatedPence / allocation.availablePence) * 100)
      : 0;
  return (
    <div>
      <dl className="figures">
        <div className="figure">
          <dt>Available</dt>
          <dd>{formatMoney(allocation.availablePence)}</dd>
        </div>
        <div className="figure">
          <dt>Allocated</dt>
          <dd>{formatMoney(allocation.allocatedPence)}</dd>
        </div>
        <div className={`figure ${allocation.remainingPence < 0 ? 'figure--alert' : 'figure--ok'}`}>
          <dt>Remaining</dt>
          <dd>{formatMoney(allocation.remainingPence)}</dd>
        </div>
      </dl>
      <div className="money-bar" aria-hidden="true">
        <span className="money-bar__allocated" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

/** The shared ranks of a ranking, worked out once per list however many rows ask. */
const sharedOfList = new WeakMap<object, Set<number>>();
function sharedRanksOf(list: readonly { rank: number; complete: boolean }[]): Set<number> {
  let found = sharedOfList.get(list);
  if (!found)
    sharedOfList.set(list, (found = sharedRanks(list.filter((x) => x.complete).map((x) => x.rank))));
  return found;
}

const OPTION_WORDS: Record<Exclude<Option, 'none'>, string> = {
  full: 'the full amount',
  reduced: 'the reduced amount',
  custom: 'a custom amount',
};

export function AllocationPage({ roundId }: { roundId: number }) {
  const me = useMe();
  const { copy, may } = useMayWrite(roundId);
  const canAllocate = (me?.role === 'lead_officer' || me?.role === 'commissioner') && may('allocation:set');
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [allocation, reloadAllocation] = useResult(
    () => api.allocation.get({ roundId }),
    `allocation:${roundId}`,
  );
  const [ranking] = useResult(() => api.assessment.ranking({ roundId }), `ranking:${roundId}`);
  const [bids] = useResult(() => api.bids.list({ roundId }), `bids:${roundId}`);
  const [byPriority, reloadByPriority] = useResult(
    () => api.reports.byPriority({ roundId }),
    `by-priority:${roundId}`,
  );
  const [scenarios, reloadScenarios] = useResult(
    () => api.scenarios.list({ roundId }),
    `scenarios:${roundId}`,
  );
  const [suggestion, setSuggestion] = useState<Output<'allocation:suggest'> | null>(null);
  const [method, setMethod] = useState<SuggestMethod>('rank');
  const [adoptReason, setAdoptReason] = useState('');
  /** Rows whose award departs from the ranking: what was asked, waiting for a reason. */
  const [pendingReason, setPendingReason] = useState<
    Record<string, { option: Option; amountPence?: number; message: string }>
  >({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [custom, setCustom] = useState<Record<string, string>>({});
  const [conditions, setConditions] = useState<Record<string, string>>({});
  // The option chosen in a row's select, saved only with its Save button: arrow keys in a select
  // move through options, and must not write each one into the allocation and its history.
  const [chosen, setChosen] = useState<Record<string, Option>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scenarioName, setScenarioName] = useState('');
  const [compare, setCompare] = useState<{ a: string; b: string }>({ a: '', b: '' });

  const allocate = async (ref: string, option: Option, given?: { amountPence?: number; reason?: string }) => {
    let amountPence = given?.amountPence;
    if (option === 'custom' && amountPence === undefined) {
      const typed = custom[ref] ?? (amountOf(ref) !== undefined ? String((amountOf(ref) ?? 0) / 100) : '');
      const parsed = parseMoney(typed);
      if (!parsed.ok) return setRowErrors((e) => ({ ...e, [ref]: `Custom amount: ${parsed.reason}` }));
      amountPence = parsed.pence;
    }
    const note = conditions[ref];
    const result = await api.allocation.set({
      roundId,
      bidRef: ref,
      option,
      ...(amountPence !== undefined ? { amountPence } : {}),
      ...(note !== undefined ? { conditions: note } : {}),
      ...(given?.reason ? { reason: given.reason } : {}),
    });
    // Any change to the allocation makes an earlier "adopted" message out of date.
    setMessage(null);
    if (!result.ok) {
      if (result.error.issues?.some((i) => i.path === 'reason'))
        setPendingReason((p) => ({
          ...p,
          [ref]: {
            option,
            ...(amountPence !== undefined ? { amountPence } : {}),
            message: result.error.message,
          },
        }));
      return setRowErrors((e) => ({ ...e, [ref]: result.error.message }));
    }
    setPendingReason((p) => Object.fromEntries(Object.entries(p).filter(([key]) => key !== ref)));
    setRowErrors((e) => ({ ...e, [ref]: '' }));
    setChosen((c) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== ref)));
    const saved = result.value.items.find((i) => i.ref === ref);
    setMessage(
      saved
        ? `Saved: ${ref} gets ${formatMoney(saved.amountPence)} (${OPTION_WORDS[saved.option]}).`
        : `Saved: ${ref} gets nothing.`,
    );
    reloadAllocation();
    reloadByPriority();
  };
  const allocateWithReason = async (ref: string) => {
    const pending = pendingReason[ref];
    const reason = (reasons[ref] ?? '').trim();
    if (!pending) return;
    if (!reason)
      return setRowErrors((e) => ({ ...e, [ref]: `Give the reason for ${ref}'s award before allocating` }));
    await allocate(ref, pending.option, {
      ...(pending.amountPence !== undefined ? { amountPence: pending.amountPence } : {}),
      reason,
    });
  };
  const suggest = async (apply: boolean) => {
    const result = await api.allocation.suggest({
      roundId,
      apply,
      method,
      ...(apply && adoptReason.trim() ? { reason: adoptReason.trim() } : {}),
    });
    setMessage(null);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setSuggestion(result.value);
    if (apply) {
      setMessage(
        `The suggestion (${formatMoney(result.value.allocatedPence)}) is now the round's allocation.`,
      );
      reloadAllocation();
      reloadByPriority();
    }
  };
  const save = async (from: 'current' | 'suggestion') => {
    if (!scenarioName.trim()) return setError('Name the scenario');
    const result = await api.scenarios.save({ roundId, name: scenarioName, from });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(`Scenario "${scenarioName}" saved.`);
    setScenarioName('');
    reloadScenarios();
  };
  const adopt = async (scenarioId: number, name: string) => {
    const result = await api.scenarios.adopt({
      roundId,
      scenarioId,
      ...(adoptReason.trim() ? { reason: adoptReason.trim() } : {}),
    });
    setMessage(null);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(`"${name}" adopted as the round's allocation.`);
    reloadAllocation();
    reloadScenarios();
  };

  const comparison = useMemo(() => {
    if (scenarios.state !== 'ready') return null;
    const a = scenarios.value.find((s) => String(s.id) === compare.a);
    const b = scenarios.value.find((s) => String(s.id) === compare.b);
    if (!a || !b) return null;
    const refs = [...new Set([...a.items, ...b.items].map((i) => i.ref))].sort((x, y) =>
      x.localeCompare(y, 'en-GB', { numeric: true }),
    );
    const amount = (s: typeof a, ref: string) => s.items.find((i) => i.ref === ref)?.amountPence ?? 0;
    const partnerships = [...new Set([...a.items, ...b.items].map((i) => i.partnership))].sort();
    const byPartnership = (s: typeof a, p: string) =>
      s.items.filter((i) => i.partnership === p).reduce((sum, i) => sum + i.amountPence, 0);
    return {
      a,
      b,
      bids: refs.map((ref) => ({ ref, a: amount(a, ref), b: amount(b, ref) })).filter((r) => r.a !== r.b),
      partnerships: partnerships.map((p) => ({ p, a: byPartnership(a, p), b: byPartnership(b, p) })),
    };
  }, [scenarios, compare]);

  const saveConditions = async (ref: string) => {
    const option = current(ref);
    if (option === 'none')
      return setRowErrors((e) => ({ ...e, [ref]: `Allocate money to ${ref} before setting conditions` }));
    const amount = amountOf(ref);
    await allocate(ref, option === 'custom' && amount !== undefined ? 'custom' : option);
  };
  const current = (ref: string): Option =>
    allocation.state === 'ready'
      ? (allocation.value.items.find((i) => i.ref === ref)?.option ?? 'none')
      : 'none';
  const item = (ref: string) =>
    allocation.state === 'ready' ? allocation.value.items.find((i) => i.ref === ref) : undefined;
  const amountOf = (ref: string) => item(ref)?.amountPence;

  return (
    <Page
      title="Allocation"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {allocation.state === 'ready' && <MoneyBar allocation={allocation.value} />}
      {!canAllocate && (
        <p className="hint">
          {copy
            ? 'This copy of the round shows the allocation as your office sent it: it is changed only at the office.'
            : 'Only a lead officer or the commissioner changes the allocation; you can see it and the suggestion.'}
        </p>
      )}

      <h2 className="heading-m">Bids in rank order</h2>
      {ranking.state === 'failed' && <LoadFailure message={ranking.error.message} />}
      {ranking.state === 'ready' && (
        <table className="table">
          <caption className="visually-hidden">What each bid gets</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Rank
              </th>
              <th scope="col">Bid</th>
              <th scope="col" className="numeric">
                Score
              </th>
              <th scope="col" className="numeric">
                Requested
              </th>
              <th scope="col" className="numeric">
                Reduced
              </th>
              <th scope="col">Allocation</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {ranking.value.map((r, _i, all) => {
              const shared = sharedRanksOf(all);
              const bidReduced =
                bids.state === 'ready' ? bids.value.find((b) => b.id === r.bidId)?.reducedPence : undefined;
              return (
                <tr key={r.bidId}>
                  <td className="numeric">
                    {r.complete ? rankText(r.rank, shared) : <span className="hint">Not yet scored</span>}
                  </td>
                  <td>
                    <strong>{r.ref}</strong> {r.title}
                    <div className="hint">{r.partnership}</div>
                    {rowErrors[r.ref] && (
                      <p className="error-message" role="alert">
                        {rowErrors[r.ref]}
                      </p>
                    )}
                    {pendingReason[r.ref] && canAllocate && (
                      <div className="reason-form">
                        <label className="label" htmlFor={`reason-${r.ref}`}>
                          Reason for {r.ref}&apos;s award (recorded and printed in the notice)
                        </label>
                        <textarea
                          id={`reason-${r.ref}`}
                          className="input"
                          rows={2}
                          value={reasons[r.ref] ?? ''}
                          onChange={(e) => setReasons((x) => ({ ...x, [r.ref]: e.target.value }))}
                        />
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => void allocateWithReason(r.ref)}
                        >
                          Allocate with this reason
                        </button>
                      </div>
                    )}
                    {item(r.ref)?.reason && (
                      <p className="reason-note">
                        <strong>Reason recorded:</strong> {item(r.ref)?.reason}
                      </p>
                    )}
                    {!item(r.ref)?.reason &&
                      item(r.ref)?.departures.map((d) => (
                        <p key={d} className="reason-note reason-note--missing">
                          {d}: no reason recorded yet.
                        </p>
                      ))}
                  </td>
                  <td className="numeric">{r.weightedScore?.toFixed(2) ?? '—'}</td>
                  <td className="numeric">{formatMoney(r.requestedPence)}</td>
                  <td className="numeric">{bidReduced != null ? formatMoney(bidReduced) : ''}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`alloc-${r.ref}`}>
                      Allocation for {r.ref}
                    </label>
                    <select
                      id={`alloc-${r.ref}`}
                      className="select"
                      disabled={!canAllocate}
                      value={chosen[r.ref] ?? current(r.ref)}
                      onChange={(e) => setChosen((c) => ({ ...c, [r.ref]: e.target.value as Option }))}
                    >
                      <option value="none">Nothing</option>
                      <option value="full">Full amount</option>
                      <option value="reduced">Reduced amount</option>
                      <option value="custom">Custom amount</option>
                    </select>
                    {canAllocate && (chosen[r.ref] ?? current(r.ref)) === 'custom' && (
                      <span className="inline-custom">
                        <label className="visually-hidden" htmlFor={`custom-${r.ref}`}>
                          Custom amount for {r.ref}
                        </label>
                        <input
                          id={`custom-${r.ref}`}
                          className="input input--short"
                          inputMode="decimal"
                          placeholder="£"
                          value={custom[r.ref] ?? ''}
                          onChange={(e) => setCustom((c) => ({ ...c, [r.ref]: e.target.value }))}
                        />
                      </span>
                    )}
                    {canAllocate &&
                      ((chosen[r.ref] !== undefined && chosen[r.ref] !== current(r.ref)) ||
                        (chosen[r.ref] ?? current(r.ref)) === 'custom') && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => void allocate(r.ref, chosen[r.ref] ?? current(r.ref))}
                        >
                          Save<span className="visually-hidden"> allocation for {r.ref}</span>
                        </button>
                      )}
                  </td>
                  <td className="numeric">
                    {amountOf(r.ref) === undefined ? '' : formatMoney(amountOf(r.ref) ?? 0)}
                    {canAllocate && current(r.ref) !== 'none' && (
                      <div className="inline-custom">
                        <label className="visually-hidden" htmlFor={`conditions-${r.ref}`}>
                          Conditions of grant for {r.ref}
                        </label>
                        <input
                          id={`conditions-${r.ref}`}
                          className="input input--medium"
                          placeholder="Conditions of grant"
                          value={
                            conditions[r.ref] ??
                            (allocation.state === 'ready'
                              ? (allocation.value.items.find((i) => i.ref === r.ref)?.conditions ?? '')
                              : '')
                          }
                          onChange={(e) => setConditions((c) => ({ ...c, [r.ref]: e.target.value }))}
                        />
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => void saveConditions(r.ref)}
                        >
                          Save<span className="visually-hidden"> conditions for {r.ref}</span>
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

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
                  setSuggestion(null);
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
            value={adoptReason}
            onChange={(e) => setAdoptReason(e.target.value)}
          />
        </div>
      )}
      {suggestion && (
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
      )}

      <h2 className="heading-m">Scenarios</h2>
      {canAllocate && (
        <div className="filters">
          <div className="form-group form-group--inline">
            <label className="label" htmlFor="scenario-name">
              Scenario name
            </label>
            <input
              id="scenario-name"
              className="input input--medium"
              value={scenarioName}
              onChange={(e) => setScenarioName(e.target.value)}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => void save('current')}>
            Save the current allocation
          </button>
          <button type="button" className="button button--secondary" onClick={() => void save('suggestion')}>
            Save the suggestion
          </button>
        </div>
      )}
      {scenarios.state === 'ready' && scenarios.value.length === 0 && (
        <p className="secondary">No scenarios saved.</p>
      )}
      {scenarios.state === 'ready' && scenarios.value.length > 0 && (
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
                value={adoptReason}
                onChange={(e) => setAdoptReason(e.target.value)}
              />
            </div>
          )}
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
              {scenarios.value.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name} {s.adoptedAt && <strong className="tag tag--green">Adopted</strong>}
                    <div className="hint">{s.createdBy ?? ''}</div>
                  </td>
                  <td className="numeric">{formatMoney(s.allocatedPence)}</td>
                  <td className="numeric">{s.items.length}</td>
                  <td>
                    {canAllocate && (
                      <button type="button" className="link-button" onClick={() => void adopt(s.id, s.name)}>
                        Adopt<span className="visually-hidden"> {s.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="filters">
            {(['a', 'b'] as const).map((side) => (
              <div className="form-group form-group--inline" key={side}>
                <label className="label" htmlFor={`compare-${side}`}>
                  Compare {side === 'a' ? 'this' : 'with'}
                </label>
                <select
                  id={`compare-${side}`}
                  className="select"
                  value={compare[side]}
                  onChange={(e) => setCompare((c) => ({ ...c, [side]: e.target.value }))}
                >
                  <option value="">Choose a scenario</option>
                  {scenarios.value.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          {comparison && (
            <div className="two-columns">
              <table className="table">
                <caption className="table__caption">Bids that change</caption>
                <thead>
                  <tr>
                    <th scope="col">Bid</th>
                    <th scope="col" className="numeric">
                      {comparison.a.name}
                    </th>
                    <th scope="col" className="numeric">
                      {comparison.b.name}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.bids.map((r) => (
                    <tr key={r.ref}>
                      <td>{r.ref}</td>
                      <td className="numeric">{formatMoney(r.a)}</td>
                      <td className="numeric">{formatMoney(r.b)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="table">
                <caption className="table__caption">By partnership</caption>
                <thead>
                  <tr>
                    <th scope="col">Partnership</th>
                    <th scope="col" className="numeric">
                      {comparison.a.name}
                    </th>
                    <th scope="col" className="numeric">
                      {comparison.b.name}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.partnerships.map((r) => (
                    <tr key={r.p}>
                      <td>{r.p}</td>
                      <td className="numeric">{formatMoney(r.a)}</td>
                      <td className="numeric">{formatMoney(r.b)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      {byPriority.state === 'ready' && byPriority.value.priorities.length > 0 && (
        <>
          <h2 className="heading-m">
            {byPriority.value.decided ? 'Awarded' : 'Allocated (draft)'} by plan priority
          </h2>
          <p className="hint">{byPriority.value.note}</p>
          <table className="table">
            <caption className="visually-hidden">Allocated by plan priority</caption>
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col">Funded bids claiming it</th>
                <th scope="col" className="numeric">
                  Allocated
                </th>
                <th scope="col" className="bar-cell">
                  <span className="visually-hidden">Bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {byPriority.value.priorities.map((p) => {
                const max = Math.max(1, ...byPriority.value.priorities.map((x) => x.allocatedPence));
                return (
                  <tr key={p.code}>
                    <td>
                      <strong>{p.code}</strong> {p.title}
                    </td>
                    <td>{p.bids.join(', ')}</td>
                    <td className="numeric">{formatMoney(p.allocatedPence)}</td>
                    <td className="bar-cell" aria-hidden="true">
                      <span className="bar" style={{ width: `${(p.allocatedPence / max) * 100}%` }} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {byPriority.value.unclaimedBids.length > 0 && (
            <p className="hint">
              Funded bids that claim no priority: {byPriority.value.unclaimedBids.join(', ')} (
              {formatMoney(byPriority.value.unclaimedPence)}).
            </p>
          )}
        </>
      )}

      {allocation.state === 'ready' && (
        <>
          <h2 className="heading-m">Requested and allocated by partnership</h2>
          <table className="table">
            <caption className="visually-hidden">Requested and allocated by partnership</caption>
            <thead>
              <tr>
                <th scope="col">Partnership</th>
                <th scope="col" className="numeric">
                  Requested
                </th>
                <th scope="col" className="numeric">
                  Allocated
                </th>
                <th scope="col" className="bar-cell">
                  Allocated <span className="secondary">(dark) of requested (light)</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {allocation.value.byPartnership.map((p) => {
                const max = Math.max(1, ...allocation.value.byPartnership.map((x) => x.requestedPence));
                return (
                  <tr key={p.partnership}>
                    <th scope="row">{p.partnership}</th>
                    <td className="numeric">{formatMoney(p.requestedPence)}</td>
                    <td className="numeric">{formatMoney(p.allocatedPence)}</td>
                    <RequestedAllocatedBar
                      requestedPence={p.requestedPence}
                      allocatedPence={p.allocatedPence}
                      maxPence={max}
                    />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
