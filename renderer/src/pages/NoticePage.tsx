import { whyNotNow } from '../../../shared/may-act';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import type { NoticeData } from '../../../shared/notice-data';
import type { Wording } from '../../../shared/notices';
import { api } from '../api';
import type { AppError } from '../../../shared/result';
import { NoticeContact } from '../components/NoticeContact';
import { NoticePreview } from '../components/NoticePreview';
import { NoticeWords } from '../components/NoticeWords';
import { Banner, LoadFailure, Page } from '../components/Page';
import { ReadinessGate } from '../components/ReadinessGate';
import { SigningSummary } from '../components/SigningSummary';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { TextField } from '../components/TextField';
import { saveFile } from '../files';
import { useResult } from '../hooks/useResult';
import { PacksPanel } from '../packs/PacksPanel';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';

type Notice = NonNullable<Output<'notices:get'>>;

const WORDING_FIELDS: [keyof Wording, string][] = [
  ['issuingBody', 'Issuing body'],
  ['signatoryRole', 'Signatory role'],
  ['declarationOfInterests', 'Declaration of interests'],
  ['legalImplications', 'Legal implications'],
  ['equalityImplications', 'Equality implications'],
  ['publicAccess', 'Public access to information'],
  ['backgroundPapers', 'Schedule of background papers'],
];

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function NoticeEditor({
  notice,
  fund,
  onSaved,
}: {
  notice: Notice;
  fund: string;
  onSaved: (message: string) => void;
}) {
  const [title, setTitle] = useState(notice.title);
  const [marking, setMarking] = useState(notice.marking);
  const [wording, setWording] = useState<Wording>(notice.wording);
  const [appendixB, setAppendixB] = useState(notice.includeAppendixB);
  const [summary, setSummary] = useState(notice.summary ?? '');
  const [error, setError] = useState<string | null>(null);
  const saveTemplate = async () => {
    const result = await api.notices.setTemplate({ fund, wording });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved(`This wording is now the ${fund} standard for new notices.`);
  };
  const save = async () => {
    const result = await api.notices.update({
      noticeId: notice.id,
      title,
      marking,
      wording,
      includeAppendixB: appendixB,
      summary,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved('Notice saved.');
  };
  return (
    <details className="details">
      <summary>Edit the notice&apos;s title, marking and standard wording</summary>
      {error && <LoadFailure message={error} />}
      <div className="form form--wide">
        <TextField id="notice-title" label="Title" value={title} onChange={setTitle} />
        <div className="form-group">
          <label className="label" htmlFor="notice-marking">
            Protective marking
          </label>
          <select
            id="notice-marking"
            className="select"
            value={marking}
            onChange={(e) => setMarking(e.target.value as Notice['marking'])}
          >
            <option value="NON-CONFIDENTIAL">NON-CONFIDENTIAL</option>
            <option value="CONFIDENTIAL">CONFIDENTIAL (publish only a summary)</option>
          </select>
        </div>
        {marking === 'CONFIDENTIAL' && (
          <TextField
            id="notice-summary"
            label="One-paragraph public summary (optional)"
            value={summary}
            onChange={setSummary}
          />
        )}
        {WORDING_FIELDS.map(([key, label]) => (
          <div className="form-group" key={key}>
            <label className="label" htmlFor={`wording-${key}`}>
              {label}
            </label>
            <textarea
              id={`wording-${key}`}
              className="input"
              rows={key === 'issuingBody' || key === 'signatoryRole' ? 1 : 3}
              value={wording[key]}
              onChange={(e) => setWording((w) => ({ ...w, [key]: e.target.value }))}
            />
          </div>
        ))}
        <div className="checkbox">
          <input
            id="notice-appendix-b"
            type="checkbox"
            checked={appendixB}
            onChange={(e) => setAppendixB(e.target.checked)}
          />
          <label htmlFor="notice-appendix-b">Include the business cases as Appendix B</label>
        </div>
        <div className="button-group">
          <button type="button" className="button" onClick={() => void save()}>
            Save the notice
          </button>
          <button type="button" className="button button--secondary" onClick={() => void saveTemplate()}>
            Use this wording for every {fund} notice
          </button>
        </div>
      </div>
    </details>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function NoticePage({ roundId }: { roundId: number }) {
  const me = useMe();
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [notice, reload] = useResult(() => api.notices.get({ roundId }), `notice:${roundId}`);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [interests, setInterests] = useState('');
  const [signingPassphrase, setSigningPassphrase] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const { copy, may } = useMayWrite(roundId);
  // On a round copy (the commissioner's, from a sign-off pack) the notice is the office's: it can
  // only be signed there.
  const lead = me?.role === 'lead_officer' && may('notices:update');
  const commissioner = me?.role === 'commissioner' && may('notices:sign');
  // Drafting waits for the decision stage: say so, rather than offer a button that is refused.
  const draftNotYet = round.state === 'ready' ? whyNotNow('notices:create', round.value.stage) : null;

  const [generation, setGeneration] = useState(0);
  const reloadAll = () => {
    reload();
    setGeneration((g) => g + 1);
  };
  /** Runs an action; a refusal goes back to the caller (the readiness list shows it by its field). */
  const act = async <R extends { ok: true } | { ok: false; error: AppError }>(
    label: string,
    call: () => Promise<R>,
  ): Promise<R> => {
    const result = await call();
    if (!result.ok) return result;
    setError(null);
    setMessage(label);
    reloadAll();
    return result;
  };
  const exportFile = async (format: 'docx' | 'pdf', isPublic = false) => {
    setBusy(`Making the ${format === 'pdf' ? 'PDF' : 'Word document'}…`);
    const result = await api.notices.export({ roundId, format, public: isPublic });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    saveFile(result.value);
    reload();
  };
  const exportLetters = async (format: 'docx' | 'pdf') => {
    setBusy('Writing the letters…');
    // One download: every letter in a single .zip.
    const result = await api.letters.export({ roundId, format, zip: true });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    const [bundle] = result.value;
    if (bundle) saveFile(bundle);
    setMessage(`${bundle?.summary.split('\n').length ?? 0} letters written, in one .zip file.`);
  };

  const n = notice.state === 'ready' ? notice.value : null;
  return (
    <Page
      title="Notice of Decision"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {notice.state === 'failed' && <LoadFailure message={notice.error.message} />}
      {notice.state === 'ready' && !n && (
        <>
          <p className="body">
            The notice is written from the round&apos;s record: the budget, the bids, the board&apos;s views
            and the allocation. Nothing in its figures or lists is typed.
          </p>
          {lead && draftNotYet && <p className="body">{draftNotYet}</p>}
          {lead && !draftNotYet && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void act('Notice drafted.', () => api.notices.create({ roundId })).then(
                  (r) => !r.ok && setError(r.error.message),
                )
              }
            >
              Draft the notice
            </button>
          )}
        </>
      )}
      {n && (
        <>
          <p>
            <strong className={`tag ${n.status === 'signed' ? 'tag--green' : 'tag--yellow'}`}>
              {n.status === 'ready' ? 'Ready for sign-off' : n.status[0]?.toUpperCase() + n.status.slice(1)}
            </strong>{' '}
            Decision {n.number}
            {n.signedBy && ` · signed by ${n.signedBy} on ${formatDate(n.signedOn ?? '')}`}
          </p>
          {(n.sentReason || n.signedReason) && (
            <dl className="summary-list">
              {n.sentReason && (
                <div className="summary-list__row">
                  <dt>Sent for sign-off despite the readiness warnings because</dt>
                  <dd>{n.sentReason}</dd>
                </div>
              )}
              {n.signedReason && (
                <div className="summary-list__row">
                  <dt>Signed despite the readiness warnings because</dt>
                  <dd>{n.signedReason}</dd>
                </div>
              )}
            </dl>
          )}
          {n.fingerprint && (
            <p className="hint">
              Fingerprint (SHA-256): <code>{n.fingerprint}</code>
            </p>
          )}
          <div className="button-group">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void exportFile('docx')}
            >
              Export as Word
            </button>
            <button type="button" className="button button--secondary" onClick={() => void exportFile('pdf')}>
              Export as PDF
            </button>
            {n.marking === 'CONFIDENTIAL' && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void exportFile('pdf', true)}
              >
                Public summary (PDF)
              </button>
            )}
            {lead && (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void exportLetters('docx')}
                >
                  Letters to bidders (Word)
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void exportLetters('pdf')}
                >
                  Letters to bidders (PDF)
                </button>
              </>
            )}
            {(me?.role === 'lead_officer' || me?.role === 'policy_officer') && (
              <Link href={`/rounds/${roundId}/feedback`} className="button button--secondary">
                Feedback for the letters
              </Link>
            )}
            {busy && (
              <span aria-live="polite">
                <progress className="progress" aria-label={busy} /> {busy}
              </span>
            )}
          </div>
          {/* On a copy the contact details are the office's, frozen in the content sent for signing. */}
          {!copy && n.status !== 'signed' && n.status !== 'superseded' && (
            <NoticeContact
              contact={(n.preview as NoticeData).contact}
              canEdit={lead}
              onSaved={() => {
                setMessage('Contact details saved: the notice now prints them.');
                reloadAll();
              }}
            />
          )}
          {!copy && n.status !== 'signed' && n.status !== 'superseded' && (
            <NoticeWords
              key={`words:${n.id}`}
              notice={n}
              canEdit={
                me?.role === 'lead_officer' &&
                may('notices:set') &&
                round.state === 'ready' &&
                !whyNotNow('notices:set', round.value.stage)
              }
              onSaved={(m) => {
                setMessage(m);
                reloadAll();
              }}
            />
          )}
          {lead && n.status !== 'signed' && n.status !== 'superseded' && (
            <NoticeEditor
              key={n.id}
              notice={n}
              fund={round.state === 'ready' ? round.value.fund : ''}
              onSaved={(m) => {
                setMessage(m);
                reloadAll();
              }}
            />
          )}
          {lead && n.status === 'draft' && (
            <ReadinessGate
              roundId={roundId}
              refreshKey={`${n.status}:${generation}`}
              doing="send the notice for sign-off"
              button="Send for sign-off"
              go={(readinessReason) =>
                act('Sent to the commissioner for sign-off.', () =>
                  api.notices.ready({ roundId, readinessReason }),
                )
              }
            />
          )}
          {n.status === 'ready' && may('packs:make') && (
            <PacksPanel
              roundId={roundId}
              intro={
                'A commissioner who signs on their own laptop gets a sign-off pack of this notice with its ' +
                'full decision, signs it there and sends back the signed notice, which you receive here. ' +
                'It is accepted only if it is exactly the notice sent and the signature is theirs.'
              }
              send={{ kind: 'signoff', people: null, buttonLabel: 'Send to the commissioner' }}
              receiveLabel="Receive the signed notice"
              fileLabel="Signed notice returned by the commissioner"
              onReceived={(received) => {
                // Once signed, the notice no longer awaits sign-off and this panel goes: say it here.
                setMessage(
                  received.alreadyReceived
                    ? `This signed notice from ${received.from.name} had already been received: nothing changed.`
                    : `The signed notice from ${received.from.name} is received: the decision is signed.`,
                );
                reload();
              }}
            />
          )}
          {lead && n.status === 'signed' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                void act(
                  'A superseding notice is drafted: the allocation can change again until it is signed.',
                  () => api.notices.supersede({ roundId }),
                ).then((r) => !r.ok && setError(r.error.message))
              }
            >
              Draft a superseding notice
            </button>
          )}
          {commissioner && n.status !== 'signed' && n.status !== 'superseded' && (
            <section className="sign-off" aria-labelledby="sign-title">
              <h2 id="sign-title" className="heading-m">
                Sign the decision
              </h2>
              <p className="body">
                Signing locks the allocation and this notice. A change after that needs a new, numbered notice
                that supersedes this one. Your key signs it, so Tranche asks for your passphrase again now.
              </p>
              <ReadinessGate
                roundId={roundId}
                refreshKey={`${n.status}:${generation}`}
                doing="sign the decision"
                button={`Sign decision ${n.number}`}
                go={(readinessReason) =>
                  !signingPassphrase
                    ? Promise.resolve({
                        ok: false as const,
                        error: { code: 'invalid_input' as const, message: 'Enter your passphrase to sign' },
                      })
                    : act('Decision signed.', () =>
                        api.notices.sign({
                          roundId,
                          interests,
                          readinessReason,
                          passphrase: signingPassphrase,
                        }),
                      ).then((result) => {
                        setSigningPassphrase('');
                        return result;
                      })
                }
              >
                <SigningSummary data={n.preview as NoticeData} />
                <TextField
                  id="sign-interests"
                  label="Your interests in this decision"
                  hint="Leave blank if you have none"
                  value={interests}
                  onChange={setInterests}
                />
                <TextField
                  id="sign-passphrase"
                  label="Your passphrase, to sign"
                  hint={`Given again at the moment you sign, as ${me?.name ?? 'the commissioner'}`}
                  type="password"
                  autoComplete="current-password"
                  value={signingPassphrase}
                  onChange={setSigningPassphrase}
                  width="medium"
                />
              </ReadinessGate>
            </section>
          )}
          <h2 className="heading-m">Preview</h2>
          <NoticePreview data={n.preview as NoticeData} />
        </>
      )}
    </Page>
  );
}
