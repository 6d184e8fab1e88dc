// What the document builders receive: plain data gathered by the handlers, so each builder is a
// pure function of its input and can be tested without a database. Money is integer pence.

export interface ExportCriterion {
  code: string;
  name: string;
  guidance: string;
  weight: number;
  minScore: number | null;
  gateway: boolean;
}

export interface ExportFramework {
  scaleMin: number;
  scaleMax: number;
  descriptors: { score: number; descriptor: string }[];
  threshold: number | null;
  criteria: ExportCriterion[];
}

export interface ExportBid {
  ref: string;
  partnership: string;
  title: string;
  requestedPence: number;
}

/** An offline scoring sheet for one assessor: their assigned bids without a declared conflict. */
export interface ScoringSheetData {
  fund: string;
  roundName: string;
  roundId: number;
  assessor: string;
  /** ISO timestamp. */
  generatedAt: string;
  framework: ExportFramework;
  bids: ExportBid[];
  /** Scores already saved, to pre-fill: bid ref → criterion code → score and justification. */
  existing: Record<string, Record<string, { score: number | null; justification: string }>>;
}

/** One filled-in row read back from a scoring sheet, before any rule is applied. */
export interface ScoringSheetRow {
  /** Row number in the sheet as Excel shows it. */
  row: number;
  bid: string;
  criterion: string;
  /** The cell as written: a number, text, or empty. */
  score: number | string | null;
  justification: string;
}

export interface ReadScoringSheet {
  assessor: string | null;
  roundId: number | null;
  rows: ScoringSheetRow[];
}

export interface PanelPackData {
  fund: string;
  roundName: string;
  financialYear: string | null;
  generatedAt: string;
  /** Shown on every page when the round is demonstration data. */
  demoNotice: string | null;
  availablePence: number;
  framework: ExportFramework;
  ranking: {
    rank: number;
    ref: string;
    partnership: string;
    title: string;
    requestedPence: number;
    weightedScore: number | null;
    assessorCount: number;
    failedGateway: boolean;
    belowMinimum: boolean;
    belowThreshold: boolean;
    criteria: { code: string; value: number | null; moderated: boolean }[];
  }[];
  /** Every submitted score of assessors without a conflict, with its justification. */
  scores: { ref: string; assessor: string; criterion: string; score: number; justification: string }[];
  moderations: { ref: string; criterion: string; score: number; reason: string; by: string | null }[];
  declarations: { ref: string; person: string; conflict: boolean; nature: string | null }[];
}
