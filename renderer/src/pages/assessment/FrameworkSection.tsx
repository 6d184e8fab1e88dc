import { Link } from 'wouter';
import { TEMPLATES, TEMPLATE_KEYS, type Framework, type TemplateKey } from '../../../../shared/frameworks';
import { api } from '../../api';
import { FrameworkSummary } from '../../components/FrameworkSummary';
import type { Loadable } from '../../hooks/useResult';

/** The round's scoring framework in brief; a lead officer may open it or start again from a template. */
export function FrameworkSection({
  roundId,
  framework,
  lead,
  onChanged,
  onError,
}: {
  roundId: number;
  framework: Loadable<Framework | null>;
  lead: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}) {
  const chooseTemplate = async (template: TemplateKey) => {
    const started = framework.state === 'ready' && framework.value?.scoringStarted;
    if (
      started &&
      !window.confirm(
        'Scoring has started in this round. Replace the framework? The change will be recorded.',
      )
    )
      return;
    const result = await api.frameworks.use({
      roundId,
      template,
      confirmChangeAfterScoring: Boolean(started),
    });
    if (!result.ok) return onError(result.error.message);
    onChanged(`The round now scores with the ${TEMPLATES[template].label} framework.`);
  };
  return (
    <>
      <h2 className="heading-m">Scoring framework</h2>
      {framework.state === 'ready' && !framework.value && (
        <p className="body">
          This round has no scoring framework yet.
          {lead ? ' Start from a template, then adjust it.' : ' A lead officer sets it up.'}
        </p>
      )}
      {framework.state === 'ready' && framework.value && <FrameworkSummary framework={framework.value} />}
      {lead && (
        <div className="button-group">
          {framework.state === 'ready' && (
            <Link href={`/rounds/${roundId}/framework`} className="button">
              View or edit the framework
            </Link>
          )}
          {TEMPLATE_KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className="button button--secondary"
              onClick={() => void chooseTemplate(key)}
            >
              Use the {TEMPLATES[key].label} template
            </button>
          ))}
        </div>
      )}
    </>
  );
}
