import type { ExportCriterion, ExportFramework, PanelPackData } from './types';

// Wording the panel pack's workbook and PDF share, so the two say the same thing.

export type RankedBid = PanelPackData['ranking'][number];

export function marksOf(bid: RankedBid): string[] {
  const marks: string[] = [];
  if (bid.failedGateway) marks.push('failed gateway');
  if (bid.belowMinimum) marks.push('below a criterion minimum');
  if (bid.belowThreshold) marks.push('below threshold');
  if (bid.weightedScore === null) marks.push('not fully scored');
  return marks;
}

export const twoDecimals = (value: number | null): string => (value === null ? '' : value.toFixed(2));
export const weightLabel = (c: ExportCriterion): string =>
  c.gateway ? 'gateway (pass/fail)' : `${c.weight}%`;

export function titleOf(data: PanelPackData): string {
  return `${data.fund}: ${data.roundName}`;
}

export function criterionName(framework: ExportFramework, code: string): string {
  const criterion = framework.criteria.find((c) => c.code === code);
  return criterion ? `${criterion.code} ${criterion.name}` : code;
}

export function rankingExplanation(framework: ExportFramework): string {
  const threshold = framework.threshold === null ? '' : ` The threshold is ${framework.threshold}.`;
  return (
    'For each criterion the value used is the moderated score if there is one, otherwise the mean of ' +
    'the submitted scores ' +
    `of assessors without a conflict of interest. Each value is normalised as (score − ${framework.scaleMin}) / ` +
    (`(${framework.scaleMax} − ${framework.scaleMin}), multiplied by the criterion's weight and summed, ` +
      `giving a weighted score `) +
    ('from 0 to 100. Bids that fail a gateway, fall below a criterion minimum or fall below the ' +
      'threshold are marked and ranked ') +
    `after all the others.${threshold}`
  );
}
