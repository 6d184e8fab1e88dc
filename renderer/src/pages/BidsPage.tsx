import { whyNotNow } from '../../../shared/may-act';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { BID_STATUS_LABELS, BID_STATUSES, type BidSummary } from '../../../shared/bids';
import { formatMoney } from '../../../shared/money';
import { api } from '../api';
import { FLAG_CODES, flagLabel, roundWithoutCostLines } from '../../../shared/checks';
import { FlagCount, FlagList } from '../components/Flags';
import { FilterText } from '../components/ListFilters';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { VirtualTable, type VirtualColumn } from '../components/VirtualTable';
import { useFlash } from '../flash';
import { useResult } from '../hooks/useResult';
import { useMayWrite } from '../packs/round-copy';
import {
  emptyBidFilter,
  filterBids,
  sortBids,
  type BidFilter,
  type BidSort,
  type BidSortKey,
} from '../lists/bid-list';

let nextFilter: Partial<BidFilter> | null = null;
/** Opens the bid list already filtered (e.g. from the dashboard's "bids that do not add up"). */
export function openBidsFiltered(filter: Partial<BidFilter>) {
  nextFilter = filter;
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function BidsPage({ roundId }: { roundId: number }) {
  const flash = useFlash();
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const { may } = useMayWrite(roundId);
  const [bids] = useResult(() => api.bids.list({ roundId }), `bids:${roundId}`);
  // Read as the page first renders, cleared once it is on screen (as useFlash does).
  const [opening] = useState(() => nextFilter);
  useEffect(() => {
    if (opening !== null && nextFilter === opening) nextFilter = null;
  }, [opening]);
  const [filter, setFilter] = useState<BidFilter>(() => ({ ...emptyBidFilter, ...opening }));
  const [sort, setSort] = useState<BidSort>({ key: 'ref', direction: 'ascending' });

  const listed = useMemo(() => (bids.state === 'ready' ? bids.value : []), [bids]);
  // A round whose schedule has no cost lines at all is told so once, above the list, not per bid.
  const roundNote = useMemo(() => roundWithoutCostLines(listed), [listed]);
  const all = useMemo(
    () =>
      roundNote
        ? listed.map((b) => ({ ...b, flags: b.flags.filter((f) => f.code !== FLAG_CODES.noCostLines) }))
        : listed,
    [listed, roundNote],
  );
  const partnerships = useMemo(
    () =>
      [...new Map(all.map((b) => [b.partnershipId, b.partnership])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1], 'en-GB'),
      ),
    [all],
  );
  const flagCodes = useMemo(() => [...new Set(all.flatMap((b) => b.flags.map((f) => f.code)))].sort(), [all]);
  const visible = useMemo(() => sortBids(filterBids(all, filter), sort), [all, filter, sort]);
  const total = visible.reduce((sum, b) => sum + b.requestedPence, 0);

  const columns: VirtualColumn<BidSummary>[] = [
    {
      key: 'ref',
      label: 'Ref',
      sortable: true,
      render: (b) => <Link href={`/rounds/${roundId}/bids/${b.id}`}>{b.ref}</Link>,
    },
    {
      key: 'partnership',
      label: 'Partnership',
      sortable: true,
      render: (b) => (
        <span className="truncate truncate--narrow" title={b.partnership}>
          {b.partnership}
        </span>
      ),
    },
    {
      key: 'title',
      label: 'Project',
      sortable: true,
      render: (b) => (
        <div className="truncate" title={b.title}>
          {b.title}
        </div>
      ),
    },
    {
      key: 'requested',
      label: 'Requested',
      numeric: true,
      sortable: true,
      render: (b) => formatMoney(b.requestedPence),
    },
    {
      key: 'reduced',
      label: 'Could be reduced to',
      numeric: true,
      sortable: true,
      render: (b) => (b.reducedPence === null ? '' : formatMoney(b.reducedPence)),
    },
    { key: 'status', label: 'Status', sortable: true, render: (b) => BID_STATUS_LABELS[b.status] },
    { key: 'flags', label: 'Checks', sortable: true, render: (b) => <FlagCount flags={b.flags} /> },
  ];

  const onSort = (key: string) =>
    setSort((s) => ({
      key: key as BidSortKey,
      direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <Page
      title="Bids"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
      actions={
        round.state === 'ready' &&
        !round.value.archived &&
        may('bids:create') &&
        !whyNotNow('bids:create', round.value.stage) && (
          <Link href={`/rounds/${roundId}/bids/new`} className="button">
            Record a bid
          </Link>
        )
      }
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {round.state === 'ready' && may('bids:create') && (
        <BiddingClosed sentence={whyNotNow('bids:create', round.value.stage)} />
      )}
      {flash && <Banner kind="success">{flash}</Banner>}
      {bids.state === 'failed' && <LoadFailure message={bids.error.message} />}
      <div className="filters" role="search" aria-label="Filter bids">
        <FilterText
          id="bid-filter-text"
          value={filter.text}
          onChange={(text) => setFilter((f) => ({ ...f, text }))}
        />
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="bid-filter-partnership">
            Partnership
          </label>
          <select
            id="bid-filter-partnership"
            className="select"
            value={filter.partnershipId ?? ''}
            onChange={(e) =>
              setFilter((f) => ({ ...f, partnershipId: e.target.value ? Number(e.target.value) : null }))
            }
          >
            <option value="">All partnerships</option>
            {partnerships.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="bid-filter-status">
            Status
          </label>
          <select
            id="bid-filter-status"
            className="select"
            value={filter.status ?? ''}
            onChange={(e) =>
              setFilter((f) => ({ ...f, status: (e.target.value || null) as BidFilter['status'] }))
            }
          >
            <option value="">Any status</option>
            {BID_STATUSES.map((s) => (
              <option key={s} value={s}>
                {BID_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="bid-filter-flag">
            Checks
          </label>
          <select
            id="bid-filter-flag"
            className="select"
            value={filter.flag ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, flag: e.target.value || null }))}
          >
            <option value="">All bids</option>
            <option value="problems">Figures to check</option>
            <option value="clean">No checks or notes</option>
            {flagCodes.map((code) => (
              <option key={code} value={code}>
                {flagLabel(code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {roundNote && <FlagList flags={[roundNote]} />}
      {bids.state === 'loading' && <p aria-live="polite">Loading bids…</p>}
      {bids.state === 'ready' && all.length === 0 && (
        <p className="body">
          No bids in this round yet. <Link href={`/rounds/${roundId}/import`}>Import a schedule</Link> or{' '}
          <Link href={`/rounds/${roundId}/bids/new`}>record a bid</Link>.
        </p>
      )}
      {bids.state === 'ready' && all.length > 0 && (
        <>
          <p aria-live="polite" className="table__caption">
            {visible.length === all.length ? `${all.length} bids` : `${visible.length} of ${all.length} bids`}
            , {formatMoney(total)} requested
          </p>
          <VirtualTable
            caption="Bids in this round"
            columns={columns}
            rows={visible}
            rowKey={(b) => b.id}
            sort={sort}
            onSort={onSort}
          />
        </>
      )}
    </Page>
  );
}

/** Why no bid can be recorded or imported now (the round has moved past taking bids). */
function BiddingClosed({ sentence }: { sentence: string | null }) {
  return sentence ? <p className="hint">{sentence}</p> : null;
}
