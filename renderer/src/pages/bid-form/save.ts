import type { BidCreate, BidDetail } from '../../../../shared/bids';
import { api } from '../../api';

/** Records a new bid, or saves an edited one keeping its business case sections as they are. */
export async function saveBid(existing: BidDetail | null, input: BidCreate) {
  if (!existing) return api.bids.create(input);
  const sections = existing.sections.map(({ heading, body }) => ({ heading, body }));
  const { roundId: _roundId, ...fields } = input;
  return api.bids.update({ ...fields, sections, id: existing.id });
}
