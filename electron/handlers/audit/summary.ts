import { formatMoney } from '../../../shared/money';
import type { WriteChannel } from '../../../shared/rule-book';
import { isStage, STAGE_LABELS } from '../../../shared/stages';

// One line per operation for the round's history: what was done, and to what, in the words a
// person would use. Every write channel has its label here (a new write without one does not
// compile); a read that is recorded falls back to its own name.

export const LABELS: Record<WriteChannel, string> = {
  'rounds:create': 'Created the round',
  'rounds:update': 'Changed the round',
  'rounds:archive': 'Archived the round',
  'rounds:restore': 'Restored the round',
  'rounds:setStage': 'Moved the round',
  'bids:create': 'Added a bid',
  'bids:update': 'Changed a bid',
  'bids:import': 'Imported a schedule of bids',
  'bids:importCase': 'Imported a business case',
  'plans:create': 'Added a plan',
  'people:add': 'Added a person',
  'people:setProfile': 'Chose the profile',
  'people:setRole': "Changed a person's role",
  'people:retire': 'Retired a person',
  'people:passphrase': 'Changed a passphrase',
  'people:enrol': 'Chose their first passphrase with an enrolment code',
  'people:approve': 'Approved a role as the commissioner',
  'people:newCode': 'Gave a new enrolment code',
  'frameworks:use': 'Started the scoring framework from a template',
  'frameworks:update': 'Changed the scoring framework',
  'assessment:assign': 'Assigned an assessor',
  'assessment:declare': 'Recorded a declaration of interest',
  'assessment:score': 'Saved scores',
  'assessment:importScores': 'Imported scores',
  'assessment:reopen': 'Reopened a scoring sheet',
  'assessment:moderate': 'Moderated a score',
  'assessment:align': 'Recorded alignment with the plan',
  'queries:raise': 'Raised a query',
  'queries:resolve': 'Resolved a query',
  'allocation:set': 'Set an allocation',
  'allocation:suggest': 'Applied the suggested allocation',
  'scenarios:save': 'Saved a scenario',
  'scenarios:adopt': 'Adopted a scenario',
  'shortlist:setRule': 'Set the shortlist rule',
  'shortlist:override': 'Changed the shortlist by hand',
  'board:recordView': "Recorded a board member's view",
  'office:set': 'Changed the office settings',
  'notices:setTemplate': 'Changed the standard wording',
  'notices:create': 'Drafted the decision notice',
  'notices:update': 'Edited the decision notice',
  'notices:set': "Wrote the notice's summary, background or board meeting",
  'feedback:set': 'Wrote feedback for a letter',
  'feedback:approve': 'Approved feedback for a letter',
  'partnerships:add': "Added one of the office's partnerships",
  'notices:ready': 'Sent the notice for sign-off',
  'notices:sign': 'Signed the decision notice',
  'notices:supersede': 'Drafted a superseding notice',
  'demo:load': 'Loaded the demonstration data',
  'packs:make': 'Made a pack',
  'packs:open': 'Opened a pack from the office',
  'packs:return': 'Made a return pack',
  'packs:receive': 'Received a pack',
  'grants:diligence': 'Recorded due diligence on a grant',
  'grants:signAgreement': 'Recorded the signing of a grant agreement',
  'grants:schedule': "Set a grant's payment schedule",
  'grants:vary': 'Varied a grant',
  'grants:setThreshold': 'Set the variation threshold',
  'grants:close': 'Closed a grant',
  'claims:add': 'Recorded a claim',
  'claims:approve': 'Approved a payment',
  'returns:import': 'Imported a monitoring return',
};

/** An operation's label; an operation no longer known keeps its own name. */
export const labelOf = (operation: string): string =>
  (LABELS as Record<string, string>)[operation] ?? operation;

/** Details worth a word in the summary, when the input carries them. */
const DETAILS: [field: string, show: (value: unknown) => string | null][] = [
  ['name', (v) => (typeof v === 'string' ? `"${v}"` : null)],
  ['ref', (v) => (typeof v === 'string' ? v : null)],
  ['bidRef', (v) => (typeof v === 'string' ? v : null)],
  ['to', (v) => (typeof v === 'string' && isStage(v) ? `to ${STAGE_LABELS[v].toLowerCase()}` : null)],
  ['option', (v) => (typeof v === 'string' ? v : null)],
  ['amountPence', (v) => (typeof v === 'number' ? formatMoney(v) : null)],
  ['score', (v) => (typeof v === 'number' ? `score ${v}` : null)],
  ['fileName', (v) => (typeof v === 'string' ? v : null)],
  ['reason', (v) => (typeof v === 'string' && v ? `reason: ${v}` : null)],
  ['readinessReason', (v) => (typeof v === 'string' && v ? `going ahead because: ${v}` : null)],
];

/**
 * The sentence for an operation. `refOf` names a bid by its reference (SS5), as people know it,
 * rather than by the record's internal number.
 */
export function summarise(channel: string, input: unknown, refOf: (bidId: number) => string | null): string {
  const label = labelOf(channel);
  if (!input || typeof input !== 'object') return label;
  const fields = input as Record<string, unknown>;
  const bid =
    typeof fields.bidId === 'number' && !fields.bidRef
      ? (refOf(fields.bidId) ?? `bid ${fields.bidId}`)
      : null;
  const details = [bid, ...DETAILS.map(([field, show]) => show(fields[field]))].filter(
    (d): d is string => d !== null,
  );
  return details.length > 0 ? `${label}: ${details.join(', ')}` : label;
}
