import { useState } from 'react';
import { formatDate } from '../../../../shared/dates';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { saveFile } from '../../files';
import type { GrantFormProps } from './form-props';
import { NotOffered } from './NotOffered';
import { errorFor, summaryErrors } from './refusal';

// The grant agreement: drafted from the signed decision as Word, signed on paper by both parties,
// and each signature recorded here (`grants sign` on the command line): the recipient's signatory by
// name, the office's as whoever records it. Signed by both, the grant's agreement is signed.

type Party = 'recipient' | 'office';
const FIELDS = ['party', 'signatory', 'signedOn'];
const id = (field: string) => `agreement-${field}`;

export function AgreementSection(
  props: GrantFormProps & {
    me: string | null;
    mayDraft: boolean;
    /** Why the signing form is not offered (null: it is). */
    whyNotSign: string | null;
    open: boolean;
  },
) {
  const a = props.grant.agreement;
  const draft = async () => {
    const result = await api.grants.agreement({ roundId: props.roundId, bidRef: props.grant.ref });
    if (!result.ok) return props.setErrors([{ message: result.error.message }]);
    saveFile(result.value);
  };
  const unsigned: Party[] = [
    ...(a.recipientSignedOn ? [] : (['recipient'] as const)),
    ...(a.officeSignedOn ? [] : (['office'] as const)),
  ];
  return (
    <section aria-labelledby="agreement-title">
      <h2 id="agreement-title" className="heading-m">
        Grant agreement
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Signed for the recipient</dt>
          <dd>
            {a.recipientSignedOn
              ? `${a.recipientSignedBy ?? ''}, ${formatDate(a.recipientSignedOn)}`
              : 'Not yet'}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Signed for the office</dt>
          <dd>
            {a.officeSignedOn ? `${a.officeSignedBy ?? ''}, ${formatDate(a.officeSignedOn)}` : 'Not yet'}
          </dd>
        </div>
      </dl>
      {props.mayDraft && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void draft()}>
            Download the agreement (Word)
          </button>
        </p>
      )}
      {props.open &&
        unsigned.length > 0 &&
        (props.whyNotSign === null ? (
          <SignatureForm key={unsigned.join()} {...props} unsigned={unsigned} />
        ) : (
          <NotOffered why={props.whyNotSign} />
        ))}
    </section>
  );
}

// long-function: a form read top to bottom as it appears; its fields share this state
function SignatureForm(
  props: GrantFormProps & {
    me: string | null;
    unsigned: Party[];
  },
) {
  const { errors, setErrors } = props;
  const [party, setParty] = useState<Party | ''>(props.unsigned.length === 1 ? props.unsigned[0]! : '');
  const [signatory, setSignatory] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const save = async () => {
    if (!party) return setErrors([{ fieldId: id('party'), message: 'Choose whose signature to record' }]);
    const result = await api.grants.signAgreement({
      roundId: props.roundId,
      bidRef: props.grant.ref,
      party,
      ...(party === 'recipient' ? { signatory } : {}),
      ...(signedOn ? { signedOn } : {}),
    });
    if (!result.ok) return setErrors(summaryErrors(result.error, 'agreement', FIELDS, 'party'));
    setErrors([]);
    const both = result.value.agreement.recipientSignedOn && result.value.agreement.officeSignedOn;
    props.onSaved(
      `The ${party === 'recipient' ? "recipient's" : "office's"} signature on grant ${props.grant.ref}'s ` +
        `agreement is recorded${both ? ': the agreement is signed by both parties.' : '.'}`,
    );
  };
  const partyError = errorFor(errors, id('party'));
  const label = (p: Party) =>
    p === 'recipient' ? 'The recipient' : `The office${props.me ? ` (you sign as ${props.me})` : ''}`;
  return (
    <form
      aria-labelledby="agreement-sign-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="agreement-sign-title" className="heading-s">
        Record a signature
      </h3>
      <div className={`form-group${partyError ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={partyError ? `${id('party')}-error` : undefined}>
          <legend className="label">Who signed</legend>
          {partyError && (
            <p id={`${id('party')}-error`} className="error-message">
              <span className="visually-hidden">Error:</span> {partyError}
            </p>
          )}
          {props.unsigned.map((p, i) => (
            <div className="checkbox" key={p}>
              <input
                type="radio"
                id={i === 0 ? id('party') : `${id('party')}-${p}`}
                name={id('party')}
                checked={party === p}
                onChange={() => setParty(p)}
              />
              <label htmlFor={i === 0 ? id('party') : `${id('party')}-${p}`}>{label(p)}</label>
            </div>
          ))}
        </fieldset>
      </div>
      {party === 'recipient' && (
        <TextField
          id={id('signatory')}
          label="The recipient's signatory"
          hint="Their name, as on the signed paper"
          value={signatory}
          onChange={setSignatory}
          error={errorFor(errors, id('signatory'))}
        />
      )}
      <DateField
        id={id('signedOn')}
        label="Date signed"
        hint="Leave it empty for today. For example, 5 11 2026"
        value={signedOn}
        onChange={setSignedOn}
        error={errorFor(errors, id('signedOn'))}
      />
      <button type="submit" className="button">
        Record the signature
      </button>
    </form>
  );
}
