import { heldText } from '../../../shared/pack-receipt';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { Output } from '../../../shared/contract';
import { PACK_KIND_LABELS, type OutboundKind } from '../../../shared/packs';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Banner } from '../components/Page';
import { readFileAsBase64 } from '../files';
import { PackLog } from './PackLog';
import { PACK_ACCEPT, savePack } from './pack-file';

// The office's side of packs on a round's page: send one (to an assessor, a board member or the
// commissioner), receive what comes back, and see what each person was last sent and returned.
// Everything goes through the packs channels; the main process checks every file.

type Made = Output<'packs:make'>;
type Received = Output<'packs:receive'>;

export interface SendOptions {
  kind: OutboundKind;
  /** The people a pack of this kind can go to; null when it has one recipient (the commissioner). */
  people: string[] | null;
  /** "Assessor", "Board member". */
  personLabel?: string;
  /** "Send to assessor", "Send to the commissioner". */
  buttonLabel: string;
  /** Said instead of the form when there is nobody to send to yet. */
  nobody?: string;
}

const SEND_PERSON = 'pack-person';
const RECEIVE_FILE = 'pack-file';

/** The code shown once, with how to pass it on: never beside the pack itself. */
function EnrolmentCode({ made }: { made: Made }) {
  if (!made.enrolmentCode) return null;
  const name = made.to.name;
  return (
    <section className="enrolment-code" aria-labelledby="enrolment-code-title">
      <h3 id="enrolment-code-title" className="heading-s">
        Enrolment code for {name}
      </h3>
      <p className="enrolment-code__code">
        <code>{made.enrolmentCode}</code>
      </p>
      <p className="body">
        Give this code to {name} by phone or in person, not in the same email as the pack. {name} needs it to
        open this first pack; Tranche shows it only this once and keeps no copy.
      </p>
    </section>
  );
}

/** What a received pack brought: who from, how many rows were new or already here, and differences. */
function ReceivedSummary({ received, roundId }: { received: Received; roundId: number }) {
  const other = received.round.id !== roundId;
  return (
    <section aria-labelledby="pack-received-title">
      <h3 id="pack-received-title" className="heading-s">
        What the pack brought
      </h3>
      <table className="table table--compact">
        <caption className="visually-hidden">The pack received</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Round</th>
            <th scope="col">What it held</th>
            <th scope="col" className="numeric">
              New records
            </th>
            <th scope="col" className="numeric">
              Already here
            </th>
            <th scope="col" className="numeric">
              Differences kept
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{received.from.name}</td>
            <td>
              {other ? (
                <Link href={`/rounds/${received.round.id}`}>{received.round.name}</Link>
              ) : (
                received.round.name
              )}
            </td>
            <td>{heldText(received.held)}</td>
            <td className="numeric">{received.added}</td>
            <td className="numeric">{received.unchanged}</td>
            <td className="numeric">{received.conflicts.length}</td>
          </tr>
        </tbody>
      </table>
      {received.conflicts.length > 0 && (
        <table className="table table--compact">
          <caption className="table__caption">
            Differences: the office&apos;s later version is kept, the pack&apos;s is in the history
          </caption>
          <thead>
            <tr>
              <th scope="col">Bid</th>
              <th scope="col">Criterion</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {received.conflicts.map((c, i) => (
              <tr key={i}>
                <td>{c.ref ?? ''}</td>
                <td>{c.criterion ?? ''}</td>
                <td>{c.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// long-function: sending and receiving packs share the panel's file and message state
export function PacksPanel({
  roundId,
  send,
  receiveLabel,
  fileLabel = 'Pack file returned to you',
  intro,
  onReceived,
}: {
  roundId: number;
  send: SendOptions | null;
  /** "Receive a pack", "Receive the signed notice". */
  receiveLabel: string;
  fileLabel?: string;
  intro: string;
  /** Told what was received, e.g. to reload the page (which may then no longer show this panel). */
  onReceived?: (received: Received) => void;
}) {
  const [person, setPerson] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [made, setMade] = useState<Made | null>(null);
  const [received, setReceived] = useState<Received | null>(null);
  const [busy, setBusy] = useState(false);
  const [logVersion, setLogVersion] = useState(0);

  const sendPack = async (event: FormEvent) => {
    event.preventDefault();
    if (!send) return;
    setMade(null);
    setReceived(null);
    if (send.people && !person)
      return setErrors([
        { fieldId: SEND_PERSON, message: `Choose the ${(send.personLabel ?? 'person').toLowerCase()}` },
      ]);
    setBusy(true);
    const result = await api.packs.make({
      kind: send.kind,
      roundId,
      ...(person ? { personName: person } : {}),
    });
    setBusy(false);
    if (!result.ok)
      return setErrors([{ ...(send.people ? { fieldId: SEND_PERSON } : {}), message: result.error.message }]);
    setErrors([]);
    savePack(result.value);
    setMade(result.value);
    setLogVersion((v) => v + 1);
  };

  const receivePack = async (event: FormEvent) => {
    event.preventDefault();
    setMade(null);
    setReceived(null);
    if (!file) return setErrors([{ fieldId: RECEIVE_FILE, message: 'Choose a pack file (.tranche)' }]);
    setBusy(true);
    const result = await api.packs.receive({ bytesBase64: await readFileAsBase64(file) });
    setBusy(false);
    if (!result.ok)
      return setErrors([
        { fieldId: RECEIVE_FILE, message: `${file.name} was refused: ${result.error.message}` },
      ]);
    setErrors([]);
    setReceived(result.value);
    setLogVersion((v) => v + 1);
    onReceived?.(result.value);
  };

  return (
    <section className="packs" aria-labelledby="packs-title">
      <h2 id="packs-title" className="heading-m">
        Packs for other laptops
      </h2>
      <p className="hint">{intro}</p>
      <ErrorSummary errors={errors} />
      {made && (
        <Banner kind="success">
          The {PACK_KIND_LABELS[send?.kind ?? 'assessor']} for {made.to.name} is saved as{' '}
          <strong>{made.fileName}</strong>. Send the file to {made.to.name} by email, USB stick or your
          document store.
        </Banner>
      )}
      {made && <EnrolmentCode made={made} />}
      {received && (
        <Banner kind="success">
          {received.alreadyReceived
            ? `This pack from ${received.from.name} had already been received: nothing changed.`
            : `Pack from ${received.from.name} received into "${received.round.name}": it held ` +
              `${heldText(received.held)}.`}
        </Banner>
      )}
      {received && <ReceivedSummary received={received} roundId={roundId} />}
      <div className="packs__forms">
        {send && (
          <form className="packs__form" noValidate onSubmit={(e) => void sendPack(e)}>
            {send.people && send.people.length === 0 ? (
              <p className="body">{send.nobody}</p>
            ) : (
              <>
                {send.people && (
                  <div className="form-group">
                    <label className="label" htmlFor={SEND_PERSON}>
                      {send.personLabel}
                    </label>
                    <select
                      id={SEND_PERSON}
                      className="select"
                      value={person}
                      aria-invalid={errors.some((e) => e.fieldId === SEND_PERSON) || undefined}
                      onChange={(e) => setPerson(e.target.value)}
                    >
                      <option value="">Choose</option>
                      {send.people.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                <button type="submit" className="button" disabled={busy}>
                  {send.buttonLabel}
                </button>
              </>
            )}
          </form>
        )}
        <form className="packs__form" noValidate onSubmit={(e) => void receivePack(e)}>
          <div className="form-group">
            <label className="label" htmlFor={RECEIVE_FILE}>
              {fileLabel}
            </label>
            <div className="hint" id={`${RECEIVE_FILE}-hint`}>
              A .tranche file sent back to the office
            </div>
            <input
              id={RECEIVE_FILE}
              type="file"
              accept={PACK_ACCEPT}
              aria-describedby={`${RECEIVE_FILE}-hint`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {receiveLabel}
          </button>
        </form>
      </div>
      <PackLog roundId={roundId} version={logVersion} />
    </section>
  );
}
