import { bidCreateSchema, type BidCreate, type BidDetail, type BidStatus } from '../../../shared/bids';
import { parseMoney, penceToInput } from '../../../shared/money';

// The bid form as typed, and how it becomes a contract input; pure so it can be tested alone.

export interface CostLineRow {
  description: string;
  quantity: string;
  unitCost: string;
  amount: string;
}

export interface BidFormValues {
  ref: string;
  partnership: string;
  title: string;
  summary: string;
  requested: string;
  reduced: string;
  reductionNote: string;
  statedTotal: string;
  status: BidStatus;
  statusReason: string;
  durationText: string;
  claimedPriorityIds: number[];
  costLines: CostLineRow[];
}

export type BidFormErrors = Record<string, string>;

export const emptyBidForm: BidFormValues = {
  ref: '',
  partnership: '',
  title: '',
  summary: '',
  requested: '',
  reduced: '',
  reductionNote: '',
  statedTotal: '',
  status: 'received',
  statusReason: '',
  durationText: '',
  claimedPriorityIds: [],
  costLines: [],
};

const money = (pence: number | null) => (pence === null ? '' : penceToInput(pence));

export function bidToForm(bid: BidDetail): BidFormValues {
  return {
    ref: bid.ref,
    partnership: bid.partnership,
    title: bid.title,
    summary: bid.summary,
    requested: money(bid.requestedPence),
    reduced: money(bid.reducedPence),
    reductionNote: bid.reductionNote ?? '',
    statedTotal: money(bid.statedTotalPence),
    status: bid.status,
    statusReason: bid.statusReason ?? '',
    durationText: bid.durationText ?? '',
    claimedPriorityIds: bid.claimedPriorities.map((p) => p.id),
    costLines: bid.costLines.map((l) => ({
      description: l.description,
      quantity: l.quantity === null ? '' : String(l.quantity),
      unitCost: money(l.unitCostPence),
      amount: money(l.amountPence),
    })),
  };
}

const FIELD_OF_PATH: Record<string, string> = {
  ref: 'ref',
  partnership: 'partnership',
  title: 'title',
  summary: 'summary',
  requestedPence: 'requested',
  reducedPence: 'reduced',
  reductionNote: 'reductionNote',
  statedTotalPence: 'statedTotal',
  status: 'status',
  statusReason: 'statusReason',
  durationText: 'durationText',
  claimedPriorityIds: 'claimedPriorityIds',
};

const COST_LINE_FIELD = {
  description: 'description',
  quantity: 'quantity',
  unitCostPence: 'unitCost',
  amountPence: 'amount',
} as const;

export function bidFieldForPath(path: string): string | undefined {
  const line = /^costLines\.(\d+)\.(description|quantity|unitCostPence|amountPence)$/.exec(path);
  if (line) return `costLines.${line[1]}.${COST_LINE_FIELD[line[2] as keyof typeof COST_LINE_FIELD]}`;
  return FIELD_OF_PATH[path];
}

export function bidFieldOrder(values: BidFormValues): string[] {
  return [
    'ref',
    'partnership',
    'title',
    'summary',
    'requested',
    'reduced',
    'reductionNote',
    'statedTotal',
    'status',
    'statusReason',
    'durationText',
    ...values.costLines.flatMap((_, i) =>
      ['description', 'quantity', 'unitCost', 'amount'].map((part) => `costLines.${i}.${part}`),
    ),
    'claimedPriorityIds',
  ];
}

export function validateBidForm(
  roundId: number,
  values: BidFormValues,
): { input?: BidCreate; errors: BidFormErrors } {
  const errors: BidFormErrors = {};
  const readMoney = (field: string, label: string, text: string, required: boolean): number | null => {
    if (text.trim() === '') {
      if (required) errors[field] = `Enter the ${label}`;
      return null;
    }
    const parsed = parseMoney(text);
    if (!parsed.ok) {
      errors[field] = `${label[0]?.toUpperCase()}${label.slice(1)}: ${parsed.reason}`;
      return null;
    }
    return parsed.pence;
  };
  const requestedPence = readMoney('requested', 'amount requested', values.requested, true);
  const reducedPence = readMoney('reduced', 'reduced amount', values.reduced, false);
  const statedTotalPence = readMoney('statedTotal', 'stated total', values.statedTotal, false);
  const costLines = values.costLines.map((line, i) => {
    let quantity: number | null = null;
    if (line.quantity.trim() !== '') {
      quantity = Number(line.quantity.replace(/,/g, ''));
      if (!Number.isFinite(quantity))
        errors[`costLines.${i}.quantity`] = `Cost line ${i + 1}: the quantity must be a number`;
    }
    return {
      description: line.description,
      quantity: quantity !== null && Number.isFinite(quantity) ? quantity : null,
      unitCostPence: readMoney(
        `costLines.${i}.unitCost`,
        `cost line ${i + 1} unit cost`,
        line.unitCost,
        false,
      ),
      amountPence: readMoney(`costLines.${i}.amount`, `cost line ${i + 1} amount`, line.amount, false),
    };
  });
  const parsed = bidCreateSchema.safeParse({
    roundId,
    ref: values.ref,
    partnership: values.partnership,
    title: values.title,
    summary: values.summary,
    requestedPence: requestedPence ?? 0,
    reducedPence,
    reductionNote: values.reductionNote,
    statedTotalPence,
    status: values.status,
    statusReason: values.statusReason,
    durationText: values.durationText,
    claimedPriorityIds: values.claimedPriorityIds,
    costLines,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = bidFieldForPath(issue.path.join('.'));
      if (field && !errors[field])
        errors[field] =
          issue.path[0] === 'costLines'
            ? `Cost line ${Number(issue.path[1]) + 1}: ${issue.message}`
            : issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: parsed.data, errors };
}

/** The cost lines' total as typed so far, or null while any figure in them cannot be read. */
export function costLinesTotalAsTyped(rows: CostLineRow[]): number | null {
  let total = 0;
  for (const row of rows) {
    const amount = row.amount.trim() === '' ? null : parseMoney(row.amount);
    const unit = row.unitCost.trim() === '' ? null : parseMoney(row.unitCost);
    const quantity = row.quantity.trim() === '' ? null : Number(row.quantity.replace(/,/g, ''));
    if ((amount && !amount.ok) || (unit && !unit.ok) || (quantity !== null && !Number.isFinite(quantity)))
      return null;
    if (amount?.ok) total += amount.pence;
    else if (unit?.ok && quantity !== null) total += Math.round(quantity * unit.pence);
  }
  return total;
}
