import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import {
  SCHEDULE_FIELD_LABELS,
  SCHEDULE_FIELDS,
  type ColumnMapping,
  type SchedulePreview,
  type ScheduleField,
} from '../../../shared/imports';
import { fileSizeRefusal } from '../../../shared/limits';
import { whyNotNow } from '../../../shared/may-act';
import { formatMoney } from '../../../shared/money';
import { api } from '../api';
import { LoadFailure, Page } from '../components/Page';
import { RoundNav } from '../components/RoundNav';
import { readFileAsBase64 } from '../files';
import { setFlash } from '../flash';
import { useRounds } from '../rounds-context';

type Step =
  { kind: 'choose' } | { kind: 'working'; what: string } | { kind: 'preview'; preview: SchedulePreview };

/** Import wizard: choose a file, confirm or correct the column mapping, check the preview, import. */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function ImportPage({ roundId }: { roundId: number }) {
  const [, navigate] = useLocation();
  const switcher = useRounds();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string[]>([]);

  const preview = async (
    chosen: { fileName: string; dataBase64: string },
    withMapping: ColumnMapping | undefined,
  ) => {
    setError(null);
    setRefusal([]);
    setStep({ kind: 'working', what: `Reading ${chosen.fileName}…` });
    const result = await api.bids.previewImport({ roundId, ...chosen, mapping: withMapping });
    if (!result.ok) {
      setStep({ kind: 'choose' });
      return setError(result.error.message);
    }
    setMapping(Object.fromEntries(result.value.mapping.map((m) => [String(m.column), m.field])));
    setStep({ kind: 'preview', preview: result.value });
  };

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    const tooLarge = fileSizeRefusal(picked.name, picked.size);
    if (tooLarge) return setError(tooLarge);
    const chosen = { fileName: picked.name, dataBase64: await readFileAsBase64(picked) };
    setFile(chosen);
    setMapping(undefined);
    await preview(chosen, undefined);
  };

  const changeMapping = (column: number, field: ScheduleField | null) => {
    if (!file) return;
    const next: ColumnMapping = { ...mapping };
    // One column per field: taking a field from another column clears it there.
    for (const [key, value] of Object.entries(next)) if (field && value === field) next[key] = null;
    next[String(column)] = field;
    setMapping(next);
    void preview(file, next);
  };

  const runImport = async (current: SchedulePreview) => {
    if (!file) return;
    setStep({ kind: 'working', what: `Importing ${current.bidCount} bids…` });
    const result = await api.bids.import({ roundId, ...file, mapping });
    if (!result.ok) {
      setStep({ kind: 'preview', preview: current });
      setError(result.error.message);
      return setRefusal(result.error.issues?.map((i) => i.message) ?? []);
    }
    switcher.reload();
    setFlash(
      `Imported ${result.value.imported} bids from ${result.value.partnerships} partnerships: ` +
        `${formatMoney(result.value.requestedPence)} requested.` +
        result.value.warnings.map((w) => ` Warning: ${w}`).join(''),
    );
    navigate(`/rounds/${roundId}/bids`);
  };

  const stage =
    switcher.rounds.state === 'ready'
      ? switcher.rounds.value.find((r) => r.id === roundId)?.stage
      : undefined;
  const closed = stage ? whyNotNow('bids:import', stage) : null;
  if (closed)
    return (
      <Page title="Import a schedule of bids">
        <RoundNav roundId={roundId} />
        <p className="body">{closed}</p>
        <p className="body">
          <Link href={`/rounds/${roundId}/bids`}>See the round&apos;s bids</Link>
        </p>
      </Page>
    );

  return (
    <Page title="Import a schedule of bids">
      <RoundNav roundId={roundId} />
      <p className="body">
        A spreadsheet (.xlsx) or CSV file with a header row and one row per bid. Partnership cells left blank
        take the partnership above; rows labelled &ldquo;Total&rdquo; are kept as the schedule&apos;s
        subtotals and checked. Nothing is saved until you confirm, and a file with any bad row is not imported
        at all.
      </p>
      {error && <LoadFailure message={error} />}
      {refusal.length > 0 && (
        <ul className="row-problems">
          {refusal.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="form-group">
        <label className="label" htmlFor="schedule-file">
          Schedule file
        </label>
        <input
          id="schedule-file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {step.kind === 'working' && (
        <p aria-live="polite">
          <progress className="progress" aria-label={step.what} /> {step.what}
        </p>
      )}
      {step.kind === 'preview' && (
        <Preview
          preview={step.preview}
          onMap={changeMapping}
          onImport={() => void runImport(step.preview)}
          roundId={roundId}
        />
      )}
    </Page>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function Preview({
  preview,
  onMap,
  onImport,
  roundId,
}: {
  preview: SchedulePreview;
  onMap: (column: number, field: ScheduleField | null) => void;
  onImport: () => void;
  roundId: number;
}) {
  const fine = preview.problems.length === 0 && preview.bidCount > 0;
  return (
    <>
      <h2 className="heading-m">1. Check which column holds what</h2>
      <table className="table mapping-table">
        <caption className="table__caption">
          Columns{preview.sheet ? ` in sheet "${preview.sheet}"` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Column heading in the file</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {preview.mapping.map((m) => (
            <tr key={m.column}>
              <td>{m.header || <span className="secondary">(no heading, column {m.column + 1})</span>}</td>
              <td>
                <label className="visually-hidden" htmlFor={`map-${m.column}`}>
                  Read column {m.header || m.column + 1} as
                </label>
                <select
                  id={`map-${m.column}`}
                  className="select"
                  value={m.field ?? ''}
                  onChange={(e) => onMap(m.column, (e.target.value || null) as ScheduleField | null)}
                >
                  <option value="">Ignore this column</option>
                  {SCHEDULE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {SCHEDULE_FIELD_LABELS[f]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="heading-m">2. Check the bids</h2>
      {preview.problems.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="import-problems-title" tabIndex={-1}>
          <h3 id="import-problems-title" className="error-summary__title">
            {preview.problems.length} {preview.problems.length === 1 ? 'problem stops' : 'problems stop'} this
            file being imported
          </h3>
          <ul className="error-summary__list">
            {preview.problems.map((p, i) => (
              <li key={i}>
                Row {p.row}
                {p.column ? `, ${p.column}` : ''}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.problems.length === 0 ? (
        <p>
          <strong>{preview.bidCount} bids</strong> from {preview.partnershipCount} partnerships:{' '}
          {formatMoney(preview.requestedPence)} requested, {formatMoney(preview.reducedRequestedPence)} with
          every offered reduction.
        </p>
      ) : (
        // A sum of only the rows that could be read would be a figure nobody asked for.
        <p>
          <strong>{preview.bidCount} rows of bids</strong> from {preview.partnershipCount} partnerships. The
          amounts are not added up while any row is refused: correct the file and choose it again.
        </p>
      )}
      <table className="table">
        <caption className="visually-hidden">Bids in the file</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Row
            </th>
            <th scope="col">Ref</th>
            <th scope="col">Partnership</th>
            <th scope="col">Project</th>
            <th scope="col" className="numeric">
              Requested
            </th>
            <th scope="col" className="numeric">
              Reduced
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.bids.map((b) => (
            <tr key={b.row}>
              <td className="numeric">{b.row}</td>
              <td>{b.ref}</td>
              <td>
                {b.partnership}
                {b.newPartnership && <strong className="tag tag--yellow">New</strong>}
              </td>
              <td>
                <div className="truncate" title={b.title}>
                  {b.title}
                </div>
                {b.note && <div className="hint">{b.note}</div>}
              </td>
              <td className="numeric">{b.requestedPence === null ? '—' : formatMoney(b.requestedPence)}</td>
              <td className="numeric">{b.reducedPence === null ? '' : formatMoney(b.reducedPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.totals.length > 0 && (
        <p className="hint">
          Subtotal rows kept for checking:{' '}
          {preview.totals.map((t) => `${t.partnership} ${formatMoney(t.statedPence)}`).join('; ')}.
        </p>
      )}
      {preview.warnings.length > 0 && (
        <div className="banner banner--important" role="status">
          <p className="banner__title">Figures in the file that do not add up</p>
          <ul>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-group">
        <button type="button" className="button" disabled={!fine} onClick={onImport}>
          Import {preview.bidCount} bids
        </button>
        <Link href={`/rounds/${roundId}`}>Cancel</Link>
      </div>
    </>
  );
}
