import { useState } from 'react';
import { api } from '../api';
import { LoadFailure, Page } from '../components/Page';
import { useResult } from '../hooks/useResult';
import { ScoringSheetView } from './scoring/ScoringSheetView';

export function ScoringPage({ roundId, bidId }: { roundId: number; bidId: number }) {
  const [sheet, reload] = useResult(() => api.assessment.sheet({ bidId }), `sheet:${bidId}`);
  const [framework] = useResult(() => api.frameworks.get({ roundId }), `framework:${roundId}`);
  const [bid] = useResult(() => api.bids.get({ id: bidId }), `bid:${bidId}`);
  // Kept here, not in the sheet view: submitting reloads the sheet, which starts the view afresh.
  const [submitted, setSubmitted] = useState<{ bidId: number; ref: string } | null>(null);
  if (sheet.state === 'failed' || framework.state === 'failed') {
    return (
      <Page title="Scoring sheet not available">
        <LoadFailure
          message={
            sheet.state === 'failed'
              ? sheet.error.message
              : framework.state === 'failed'
                ? framework.error.message
                : ''
          }
        />
      </Page>
    );
  }
  if (sheet.state !== 'ready' || framework.state !== 'ready')
    return <p aria-live="polite">Loading the scoring sheet…</p>;
  if (!framework.value) {
    return (
      <Page title="No scoring framework">
        <p>This round has no scoring framework yet.</p>
      </Page>
    );
  }
  return (
    <ScoringSheetView
      key={`${sheet.value.declaration?.declaredAt ?? ''}${sheet.value.submittedAt ?? ''}`}
      sheet={sheet.value}
      framework={framework.value}
      roundId={roundId}
      bid={bid.state === 'ready' ? bid.value : null}
      submitted={submitted?.bidId === bidId ? submitted.ref : null}
      onChange={reload}
      onSubmitted={() => setSubmitted({ bidId, ref: sheet.value.ref })}
    />
  );
}
