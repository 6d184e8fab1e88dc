// The Notice of Decision as data: everything the Word and PDF builders print, gathered from the
// round's record by the handlers. Figures and lists come from the record; only the standard
// wording comes from the office's editable template. Money is integer pence.

export interface NoticeWording {
  issuingBody: string;
  signatoryRole: string;
  legalImplications: string;
  equalityImplications: string;
  declarationOfInterests: string;
  publicAccess: string;
  backgroundPapers: string;
}

export interface NoticeBid {
  ref: string;
  partnership: string;
  /** Aims and objectives, as Appendix A lists them. */
  title: string;
  requestedPence: number;
  reducedPence: number | null;
  /** What was decided: the amount awarded, or null when not funded. */
  awardedPence: number | null;
  conditions: string;
  /**
   * Why the award departs from the ranking (out of rank order, below the threshold or a minimum),
   * printed beside it; absent or '' when it follows the ranking, and on notices signed before.
   */
  reason?: string;
  /**
   * Why the commissioner considers the grant will reduce crime and disorder (Specified Information
   * Order 2011), asked for at allocation; absent on notices signed before it was asked.
   */
  crimeReduction?: string;
}

export interface NoticeData {
  marking: 'NON-CONFIDENTIAL' | 'CONFIDENTIAL';
  /** e.g. "003/2013". */
  number: string;
  title: string;
  contact: { officer: string; telephone: string; email: string };
  wording: NoticeWording;
  /**
   * The executive summary and background in the office's own words (`notice set`); null when not
   * written, absent on notices signed before they could be.
   */
  executiveSummary?: string | null;
  background?: string | null;
  fund: string;
  roundName: string;
  financialYear: string | null;
  budgetPence: number;
  commitments: { description: string; amountPence: number }[];
  availablePence: number;
  requestedPence: number;
  bidCount: number;
  partnershipCount: number;
  /** Known partnerships that did not bid. */
  noBidFrom: string[];
  /**
   * The board meeting and its views, for the facts section; null if none recorded. `name` is the
   * board as the office names it ("Strategic Policing and Crime Board"), absent on older notices.
   */
  board: { name?: string | null; meetingOn: string | null; summary: string[] } | null;
  /** Funded bids, in the order decided. */
  decisions: NoticeBid[];
  awardedPence: number;
  remainingPence: number;
  /** Appendix A: every bid. */
  appendixA: NoticeBid[];
  /** Appendix B, when included: each bid's business case sections. */
  appendixB: { ref: string; title: string; sections: { heading: string; body: string }[] }[] | null;
  /** Set once signed. */
  signature: { name: string; role: string; date: string; interests: string } | null;
  /**
   * The office's audit chain where it stood when the content was frozen for signing (its last
   * entry's number and hash): signed with the content, so `verify` can show the chain was not
   * re-written since. Absent on notices signed before it was recorded.
   */
  chainHead?: { seq: number; hash: string } | null;
  /** SHA-256 of the signed content, printed in the footer; null while a draft. */
  fingerprint: string | null;
  /**
   * The readable fingerprint of the key that signed it; null while unsigned or signed before
   * notices carried signatures. Like `fingerprint`, not part of the signed content.
   */
  keyFingerprint?: string | null;
  /** Shown as a watermark line on drafts and on demonstration rounds. */
  draft: boolean;
  demoNotice: string | null;
  /** When this notice replaces an earlier one. */
  supersedes: string | null;
}

export interface LetterData {
  kind: 'award' | 'decline';
  issuingBody: string;
  /** ISO date. */
  date: string;
  partnership: string;
  ref: string;
  title: string;
  fund: string;
  roundName: string;
  requestedPence: number;
  awardedPence: number | null;
  conditions: string;
  /** Why a declined bid was not funded, in plain words; null for an award. */
  declineReason: string | null;
  /** Each criterion's score as it counted (moderated where moderated); no assessor's name or words. */
  feedback: { criterion: string; text: string }[];
  noticeNumber: string;
  contact: { officer: string; telephone: string; email: string };
  signatoryRole: string;
  demoNotice: string | null;
}
