// The shape of the demonstration dataset: facts taken from the public papers in shared/seeds,
// each with the place it came from. Money is integer pence.

export interface DemoPriority {
  /** Short code, unique within its plan (e.g. "O2" for an objective, "O2.1" for a sub-objective). */
  code: string;
  title: string;
  children?: DemoPriority[];
}

export interface DemoPlan {
  /** Key the rounds use to name their plan. */
  key: string;
  title: string;
  /** e.g. "2013–2017" or "2021–2025". */
  period: string;
  /** Where in the seed papers it comes from, e.g. "003 lines 703–712". */
  source: string;
  priorities: DemoPriority[];
}

export interface DemoPartnership {
  /** The name the partnership uses for itself. */
  name: string;
  /** The local authority area, e.g. "Dudley". */
  area: string;
  /** Other ways the papers write it. */
  aliases: string[];
}

export interface DemoCostLine {
  description: string;
  quantity?: number;
  unitCostPence?: number;
  /** The line amount as the case states it (kept even when quantity × unit disagrees). */
  amountPence?: number;
}

export interface DemoSection {
  heading: string;
  body: string;
}

export interface DemoBid {
  ref: string;
  /** A DemoPartnership name. */
  partnership: string;
  title: string;
  summary: string;
  requestedPence: number;
  reducedPence?: number;
  /** What would be cut to reach the reduced amount. */
  reductionNote?: string;
  /** The total the business case states, where it states one. */
  statedTotalPence?: number;
  costLines?: DemoCostLine[];
  /** Codes of priorities in the round's plan that the bidder claims. */
  claimedPriorities?: string[];
  sections?: DemoSection[];
  durationText?: string;
  matchFundingPence?: number;
  status?: 'received' | 'eligible' | 'ineligible' | 'withdrawn';
  source: string;
}

export interface DemoScheduleTotal {
  partnership: string;
  /** The label the schedule gives the row, e.g. "Total requested" or "Total request". */
  label: string;
  statedPence: number;
  statedReducedPence?: number;
}

export interface DemoRound {
  fund: string;
  /** Most a single bid may ask of this fund, where the fund sets one. */
  fundCapPence?: number;
  name: string;
  /** e.g. "2013-14". */
  financialYear: string;
  tranche?: string;
  budgetPence: number;
  commitments: { description: string; amountPence: number }[];
  /** A DemoPlan key. */
  planKey: string;
  opensOn?: string;
  closesOn?: string;
  status: 'open' | 'closed';
  scheduleTotals?: DemoScheduleTotal[];
  bids: DemoBid[];
  source: string;
}

export interface DemoData {
  /** Shown in the app wherever demonstration data appears. */
  notice: string;
  plans: DemoPlan[];
  partnerships: DemoPartnership[];
  rounds: DemoRound[];
}
