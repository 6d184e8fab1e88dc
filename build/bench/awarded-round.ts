// A round taken to the decision stage with a drafted Notice of Decision: N bids (scored-round.ts),
// every assessor's scores submitted, the suggested allocation applied (every bid awarded, as the
// budget covers them all) and the notice drafted, for timing the notice's export.
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { asLead, makeScoredRound } from './scored-round';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function makeAwardedRound(
  file: string,
  bids: number,
): Promise<{ roundId: number; ctx: HandlerContext; close: () => void }> {
  const round = await makeScoredRound(file, bids);
  const { roundId, ctx, sqlite } = round;
  const stage = (to: 'open' | 'assessment' | 'board' | 'decision') =>
    ok(dispatch('rounds:setStage', { roundId, to }, ctx));
  await stage('open');
  await stage('assessment');
  const now = new Date().toISOString();
  const people = sqlite
    .prepare("SELECT id FROM people WHERE role = 'policy officer'")
    .pluck()
    .all() as number[];
  const bidIds = sqlite.prepare('SELECT id FROM bids WHERE round_id = ?').pluck().all(roundId) as number[];
  const score = sqlite.prepare(
    'INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const submit = sqlite.prepare('INSERT INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)');
  // Through the store as the lead officer's signed entry, so the audit chain records these rows.
  asLead(ctx, "The bench wrote the assessors' scores and submissions", () => {
    for (const bidId of bidIds)
      for (const personId of people) {
        for (const c of round.criteria)
          score.run(
            bidId,
            personId,
            c.id,
            c.gateway ? 1 : 3 + ((bidId + c.id) % 3),
            'Scored for the bench',
            now,
          );
        submit.run(bidId, personId, now);
      }
  });
  await stage('board');
  await ok(dispatch('allocation:suggest', { roundId, apply: true, method: 'rank', reason: 'Bench' }, ctx));
  await stage('decision');
  await ok(dispatch('notices:create', { roundId }, ctx));
  return { roundId, ctx, close: round.close };
}
