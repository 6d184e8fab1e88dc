import type { Output } from '../../../../shared/contract';
import type { Role } from '../../../../shared/people';

// The assessment page's logic as plain functions: who scores, how a bid's state reads, whom to assign.

export type MyBid = Output<'assessment:myBids'>[number];
export type Progress = Output<'assessment:progress'>;

export const STATE_LABEL: Record<MyBid['state'], string> = {
  declare: 'Declare interests',
  conflict: 'Conflict declared',
  to_score: 'To score',
  draft: 'Draft saved',
  submitted: 'Submitted',
};

/** The tag colour for each state: green once submitted, grey for a conflict, yellow while work remains. */
export const STATE_TAG: Record<MyBid['state'], string> = {
  declare: 'tag--yellow',
  conflict: 'tag--grey',
  to_score: 'tag--yellow',
  draft: 'tag--yellow',
  submitted: 'tag--green',
};

/** Officers score bids; board members and the commissioner do not, so they have no "your bids". */
export const scoresBids = (role: Role | undefined) =>
  role !== undefined && role !== 'board_member' && role !== 'commissioner';

/** The officers a lead officer may assign as assessors: serving policy and lead officers. */
export function assignable<P extends { retiredAt: string | null; role: Role }>(people: readonly P[]): P[] {
  return people.filter((p) => !p.retiredAt && (p.role === 'policy_officer' || p.role === 'lead_officer'));
}

/** A refused score import in one line: the refusal, then each bad row. */
export function importRefusal(error: { message: string; issues?: { message: string }[] }): string {
  return [error.message, ...(error.issues ?? []).map((i) => i.message)].join(' · ');
}
