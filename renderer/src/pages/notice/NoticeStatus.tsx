import { formatDate } from '../../../../shared/dates';
import { statusLabel, type Notice } from './notice-words';

/** Where the notice stands: its status and number, who signed it, why it went ahead, its fingerprint. */
export function NoticeStatus({ notice: n }: { notice: Notice }) {
  return (
    <>
      <p>
        <strong className={`tag ${n.status === 'signed' ? 'tag--green' : 'tag--yellow'}`}>
          {statusLabel(n.status)}
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
    </>
  );
}
