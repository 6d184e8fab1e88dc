import { useState } from 'react';
import { Link } from 'wouter';
import type { ScoringSheet } from '../../../../shared/assessment';
import type { BidDetail } from '../../../../shared/bids';
import { formatDate } from '../../../../shared/dates';
import type { Framework } from '../../../../shared/frameworks';
import { api } from '../../api';
import { AlignmentEditor } from '../../components/AlignmentEditor';
import { BusinessCasePanel } from '../../components/BusinessCasePanel';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../../components/Page';
import { RoundNav } from '../../components/RoundNav';
import { useMayWrite } from '../../packs/round-copy';
import { CriterionField } from './CriterionField';
import { Declaration } from './Declaration';
import { OtherScores } from './OtherScores';
import { ScoringRules } from './ScoringRules';
import { SubmittedPanel } from './SubmittedPanel';
import { criterionError, initialValues, missingForSubmit, refusalErrors, scoresToSend } from './sheet-form';

type ViewProps = {
  sheet: ScoringSheet;
  framework: Framework;
  roundId: number;
  bid: BidDetail | null;
  submitted: string | null;
  onChange: () => void;
  onSubmitted: () => void;
};

/** A scoring sheet: the declaration first, then the assessor's scores, then (once submitted) the others'. */
export function ScoringSheetView(props: ViewProps) {
  const { sheet, roundId, bid, submitted, onChange } = props;
  const [message, setMessage] = useState<string | null>(null);
  const open = sheet.declaration && !sheet.declaration.conflict;
  return (
    <Page title={`Score ${sheet.ref}: ${sheet.title}`} caption={sheet.partnership}>
      <RoundNav roundId={roundId} />
      {submitted && <SubmittedPanel roundId={roundId} bidId={sheet.bidId} ref={submitted} />}
      {message && <Banner kind="success">{message}</Banner>}
      <p>
        <Link href={`/rounds/${roundId}/bids/${sheet.bidId}`}>Read the bid and its business case</Link>
      </p>
      {!sheet.assigned && <LoadFailure message="You are not assigned to score this bid." />}
      {sheet.assigned && !sheet.declaration && (
        <Declaration sheet={sheet} roundId={roundId} onDone={onChange} />
      )}
      {sheet.declaration?.conflict && (
        <Banner kind="important">
          You declared a conflict of interest on {formatDate(sheet.declaration.declaredAt)}:{' '}
          {sheet.declaration.nature}. You do not score this bid and cannot see its scores.
        </Banner>
      )}
      {open && (
        <div className={bid ? 'scoring-layout' : undefined}>
          {bid && <BusinessCasePanel bid={bid} />}
          <ScoreForm {...props} onDraftSaved={setMessage} />
        </div>
      )}
      <OtherScores sheet={sheet} framework={props.framework} />
    </Page>
  );
}

/** The assessor's own scores: one field per criterion, submitted or saved as a draft. */
function ScoreForm({
  sheet,
  framework,
  roundId,
  onChange,
  onSubmitted,
  onDraftSaved,
}: ViewProps & { onDraftSaved: (message: string) => void }) {
  const [values, setValues] = useState(() => initialValues(framework, sheet));
  const { may } = useMayWrite(roundId);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const save = async (submit: boolean) => {
    if (submit) {
      const missing = missingForSubmit(framework, values);
      if (missing.length > 0) return setErrors(missing);
    }
    const scores = scoresToSend(framework, values);
    const result = await api.assessment.score({ bidId: sheet.bidId, scores, submit });
    if (!result.ok) return setErrors(refusalErrors(framework, result.error));
    setErrors([]);
    if (submit) {
      onSubmitted();
      onChange();
    } else onDraftSaved('Draft saved. Your scores count once you submit them.');
  };
  return (
    <form
      className="form form--wide"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <ErrorSummary errors={errors} />
      <ScoringRules framework={framework} />
      {may('assessment:align') && <AlignmentEditor bidId={sheet.bidId} />}
      {sheet.submittedAt && (
        <p className="body">
          You submitted these scores on {formatDate(sheet.submittedAt)}, so they can no longer be changed
          here. To change one, ask the lead officer to reopen your sheet.
        </p>
      )}
      <fieldset className="fieldset" disabled={sheet.submittedAt !== null}>
        {framework.criteria.map((c) => (
          <CriterionField
            key={c.id}
            framework={framework}
            criterion={c}
            value={values[c.id]}
            error={criterionError(errors, c.code)}
            onChange={(value) => setValues((v) => ({ ...v, [c.id]: value }))}
          />
        ))}
      </fieldset>
      {sheet.submittedAt === null && (
        <div className="button-group">
          <button type="submit" className="button">
            Submit scores
          </button>
          <button type="button" className="button button--secondary" onClick={() => void save(false)}>
            Save draft
          </button>
        </div>
      )}
    </form>
  );
}
