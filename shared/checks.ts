import * as z from 'zod';
import { formatMoney } from './money';

// The arithmetic officers miss in real papers, checked every time a bid or round is shown.
// Each flag says what does not add up with both figures, so nobody has to redo the sum.

export const flagSchema = z.object({
  code: z.string(),
  severity: z.enum(['problem', 'warning']),
  message: z.string(),
});
export type Flag = z.infer<typeof flagSchema>;

export const FLAG_CODES = {
  costLinesMismatch: 'COST_LINES_TOTAL',
  lineArithmetic: 'LINE_ARITHMETIC',
  noCostLines: 'NO_COST_LINES',
  lineWithoutAmount: 'LINE_NO_AMOUNT',
  requestedNotTotal: 'REQUESTED_NOT_TOTAL',
  reducedNotBelow: 'REDUCED_NOT_BELOW',
  overCap: 'OVER_FUND_CAP',
  subtotalMismatch: 'SUBTOTAL_MISMATCH',
} as const;

/** Each check in words, for filters and lists: officers should never have to read a code. */
export const FLAG_LABELS: Record<string, string> = {
  [FLAG_CODES.costLinesMismatch]: 'Cost lines do not reach the total',
  [FLAG_CODES.lineArithmetic]: 'Quantity × unit cost does not match a line',
  [FLAG_CODES.noCostLines]: 'No itemised costs',
  [FLAG_CODES.lineWithoutAmount]: 'A cost line has no amount',
  [FLAG_CODES.requestedNotTotal]: 'Request differs from the stated total',
  [FLAG_CODES.reducedNotBelow]: 'Reduction not below the request',
  [FLAG_CODES.overCap]: 'Over the fund’s cap',
  [FLAG_CODES.subtotalMismatch]: 'Partnership subtotal disagrees',
};

export const flagLabel = (code: string): string => FLAG_LABELS[code] ?? code;

/**
 * When no bid in a round has itemised costs (a schedule of totals, before any business case is
 * added), that is one fact about the round, said once, rather than the same note on every bid.
 */
export function roundWithoutCostLines(bids: { flags: Flag[] }[]): Flag | null {
  if (bids.length < 2 || !bids.every((b) => b.flags.some((f) => f.code === FLAG_CODES.noCostLines)))
    return null;
  return {
    code: FLAG_CODES.noCostLines,
    severity: 'warning',
    message:
      `None of the ${bids.length} bids has itemised costs yet: the schedule gives totals only. ` +
      'Add each business case (its cost lines) to check how the totals are made up.',
  };
}

export interface CostLineFigures {
  description: string;
  quantity: number | null;
  unitCostPence: number | null;
  amountPence: number | null;
}

export interface BidFigures {
  requestedPence: number;
  reducedPence: number | null;
  statedTotalPence: number | null;
  costLines: CostLineFigures[];
}

/** What quantity × unit cost comes to, in whole pence, where both are given. */
export function lineProduct(line: CostLineFigures): number | null {
  if (line.quantity === null || line.unitCostPence === null) return null;
  return Math.round(line.quantity * line.unitCostPence);
}

/** A line's amount: as stated, else quantity × unit cost, else unknown. */
export function lineAmount(line: CostLineFigures): number | null {
  return line.amountPence ?? lineProduct(line);
}

export function costLinesTotal(lines: CostLineFigures[]): number {
  return lines.reduce((sum, line) => sum + (lineAmount(line) ?? 0), 0);
}

const difference = (a: number, b: number) => `${formatMoney(Math.abs(a - b))} ${a < b ? 'short' : 'over'}`;

// long-function: every flag a bid can carry, in the order the bid's page shows them
export function bidFlags(
  bid: BidFigures,
  fund: { name: string; capPence: number | null } | null = null,
): Flag[] {
  const flags: Flag[] = [];
  const lines = bid.costLines;

  lines.forEach((line, index) => {
    const product = lineProduct(line);
    if (product !== null && line.amountPence !== null && product !== line.amountPence) {
      flags.push({
        code: FLAG_CODES.lineArithmetic,
        severity: 'problem',
        message:
          `Cost line ${index + 1} (${line.description}): ${line.quantity} × ` +
          `${formatMoney(line.unitCostPence ?? 0)} is ${formatMoney(product)}, but the line says ` +
          `${formatMoney(line.amountPence)}`,
      });
    }
  });

  const stated = bid.statedTotalPence ?? bid.requestedPence;
  const statedLabel = bid.statedTotalPence !== null ? 'the stated total' : 'the amount requested';
  const unpriced = lines.filter((line) => lineAmount(line) === null).length;
  if (lines.length === 0 || unpriced === lines.length) {
    flags.push({
      code: FLAG_CODES.noCostLines,
      severity: 'warning',
      message:
        lines.length === 0
          ? `No itemised costs: ${formatMoney(stated)} is stated with nothing to show how it is made up`
          : `None of the ${lines.length} cost lines gives an amount: ${formatMoney(stated)} is stated ` +
            `with nothing to show how it is made up`,
    });
  } else {
    if (unpriced > 0) {
      flags.push({
        code: FLAG_CODES.lineWithoutAmount,
        severity: 'warning',
        message: `${unpriced} of ${lines.length} cost lines give no amount`,
      });
    }
    const total = costLinesTotal(lines);
    if (total !== stated) {
      flags.push({
        code: FLAG_CODES.costLinesMismatch,
        severity: 'problem',
        message:
          `Cost lines add up to ${formatMoney(total)}, but ${statedLabel} is ${formatMoney(stated)} (` +
          `${difference(total, stated)})`,
      });
    }
  }
  if (bid.statedTotalPence !== null && bid.statedTotalPence !== bid.requestedPence) {
    flags.push({
      code: FLAG_CODES.requestedNotTotal,
      severity: 'warning',
      message:
        `The business case totals ${formatMoney(bid.statedTotalPence)}, but ` +
        `${formatMoney(bid.requestedPence)} is requested`,
    });
  }
  if (bid.reducedPence !== null && bid.reducedPence >= bid.requestedPence) {
    flags.push({
      code: FLAG_CODES.reducedNotBelow,
      severity: 'problem',
      message:
        `The reduced amount ${formatMoney(bid.reducedPence)} is not below the ` +
        `${formatMoney(bid.requestedPence)} requested`,
    });
  }
  if (fund?.capPence != null && bid.requestedPence > fund.capPence) {
    flags.push({
      code: FLAG_CODES.overCap,
      severity: 'problem',
      message:
        `${formatMoney(bid.requestedPence)} is more than ${fund.name}'s cap of ` +
        `${formatMoney(fund.capPence)} a bid (${formatMoney(bid.requestedPence - fund.capPence)} over)`,
    });
  }
  return flags;
}

export interface SubtotalFigures {
  partnership: string;
  label: string;
  statedPence: number;
  statedReducedPence: number | null;
  bidsRequestedPence: number;
  bidsReducedPence: number;
}

export function subtotalFlags(subtotal: SubtotalFigures): Flag[] {
  const flags: Flag[] = [];
  if (subtotal.statedPence !== subtotal.bidsRequestedPence) {
    flags.push({
      code: FLAG_CODES.subtotalMismatch,
      severity: 'problem',
      message:
        `${subtotal.partnership}'s "${subtotal.label}" row says ${formatMoney(subtotal.statedPence)}, ` +
        `but its bids add up to ${formatMoney(subtotal.bidsRequestedPence)} (` +
        `${difference(subtotal.statedPence, subtotal.bidsRequestedPence)})`,
    });
  }
  if (subtotal.statedReducedPence !== null && subtotal.statedReducedPence !== subtotal.bidsReducedPence) {
    flags.push({
      code: FLAG_CODES.subtotalMismatch,
      severity: 'problem',
      message:
        `${subtotal.partnership}'s reduced total says ${formatMoney(subtotal.statedReducedPence)}, but ` +
        `its bids' reduced amounts add up to ${formatMoney(subtotal.bidsReducedPence)}`,
    });
  }
  return flags;
}

export interface RoundMoney {
  availablePence: number;
  requestedPence: number;
  reducedRequestedPence: number;
}

/** Positive: asked for more than is available (over-subscribed); negative: money left over. */
export function oversubscription(round: RoundMoney): { overPence: number; overWithReductionsPence: number } {
  return {
    overPence: round.requestedPence - round.availablePence,
    overWithReductionsPence: round.reducedRequestedPence - round.availablePence,
  };
}
