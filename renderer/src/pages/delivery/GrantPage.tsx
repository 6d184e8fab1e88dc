import { useState } from 'react';
import { Link } from 'wouter';
import { GRANT_STATUS_LABELS } from '../../../../shared/grants';
import { formatMoney } from '../../../../shared/money';
import { api } from '../../api';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../../components/Page';
import { RoundNav } from '../../components/RoundNav';
import { useResult } from '../../hooks/useResult';
import { useMe } from '../../profile-context';
import { AgreementSection } from './AgreementSection';
import { ClaimsSection } from './ClaimsSection';
import { CloseSection } from './CloseSection';
import { DiligenceForm } from './DiligenceForm';
import { UNSAID } from './grant-offers';
import { NotOffered } from './NotOffered';
import { ReturnsSection } from './ReturnsSection';
import { ScheduleSection } from './ScheduleSection';
import { useWhyNotOffered } from './use-why-not-offered';
import { VariationSection } from './VariationSection';

// One grant, reached from the delivery page's table: its figures, then its agreement, due diligence,
// payment schedule, claims, monitoring returns, variations and closing as the office records them.
// Each write goes through its channel, whose handler enforces every rule (the same handler as the
// command line's); the page offers only what the rule book lets this person do.

// long-function: a page read top to bottom as it appears; its sections share the one error summary
export function GrantPage({ roundId, bidRef }: { roundId: number; bidRef: string }) {
  const [grant, reload] = useResult(() => api.grants.get({ roundId, bidRef }), `grant:${roundId}:${bidRef}`);
  const [threshold] = useResult(() => api.grants.threshold(), 'grants-threshold');
  const whyNot = useWhyNotOffered(roundId);
  const me = useMe();
  const [done, setDone] = useState<string | null>(null);
  // One error summary for the page, at its top: whichever form was last sent fills it.
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const refused = (next: SummaryError[]) => {
    setDone(null);
    setErrors(next);
  };
  const forms = { errors, setErrors: refused };
  const saved = (message: string) => {
    setErrors([]);
    setDone(message);
    reload();
  };
  const g = grant.state === 'ready' ? grant.value : null;
  const open = g !== null && g.status !== 'closed' && g.status !== 'clawed_back';
  // A closed grant takes nothing more: its status says so, so its forms go without a line each.
  const whyNotHere = (channel: Parameters<typeof whyNot>[0]) => (open ? whyNot(channel) : UNSAID);
  return (
    <Page title={g ? `Grant ${g.ref}: ${g.title}` : `Grant ${bidRef}`} caption={g?.partnership}>
      <RoundNav roundId={roundId} />
      <p>
        <Link href={`/rounds/${roundId}/delivery`}>Back to delivery</Link>
      </p>
      <ErrorSummary errors={errors} />
      {done && (
        <Banner kind="success">
          <p>{done}</p>
        </Banner>
      )}
      {grant.state === 'failed' && <LoadFailure message={grant.error.message} />}
      {g && (
        <>
          <dl className="figures">
            <div className="figure">
              <dt>Awarded</dt>
              <dd>{formatMoney(g.awardedPence)}</dd>
            </div>
            <div className="figure">
              <dt>Paid</dt>
              <dd>{formatMoney(g.paidPence)}</dd>
            </div>
            <div className="figure">
              <dt>Remaining</dt>
              <dd>{formatMoney(g.remainingPence)}</dd>
            </div>
          </dl>
          <p className="body">
            {GRANT_STATUS_LABELS[g.status]}.{' '}
            {g.diligenceComplete
              ? `Due diligence complete (${g.diligence.by ?? ''}).`
              : 'Due diligence is not complete: nothing can be paid until it is.'}
          </p>
          <AgreementSection
            roundId={roundId}
            grant={g}
            me={me?.name ?? null}
            mayDraft={whyNot('grants:agreement') === null}
            whyNotSign={whyNotHere('grants:signAgreement')}
            open={open}
            onSaved={saved}
            {...forms}
          />
          {whyNotHere('grants:diligence') === null ? (
            <DiligenceForm
              key={g.diligence.at ?? 'none'}
              roundId={roundId}
              grant={g}
              onSaved={saved}
              {...forms}
            />
          ) : (
            <NotOffered why={whyNotHere('grants:diligence')} />
          )}
          <ScheduleSection
            roundId={roundId}
            grant={g}
            whyNotSet={whyNotHere('grants:schedule')}
            open={open}
            onSaved={saved}
            {...forms}
          />
          <ClaimsSection
            roundId={roundId}
            grant={g}
            me={me?.name ?? null}
            whyNotAdd={whyNotHere('claims:add')}
            whyNotApprove={whyNotHere('claims:approve')}
            onSaved={saved}
            {...forms}
          />
          <ReturnsSection
            roundId={roundId}
            grant={g}
            whyNotImport={whyNotHere('returns:import')}
            onSaved={saved}
            {...forms}
          />
          <VariationSection
            roundId={roundId}
            grant={g}
            thresholdPence={threshold.state === 'ready' ? threshold.value.thresholdPence : null}
            whyNotVary={whyNotHere('grants:vary')}
            open={open}
            onSaved={saved}
            {...forms}
          />
          <CloseSection
            roundId={roundId}
            grant={g}
            whyNotClose={whyNotHere('grants:close')}
            open={open}
            onSaved={saved}
            {...forms}
          />
        </>
      )}
    </Page>
  );
}
