// A large round fully scored for the ranking, board and allocation pages: N bids (scored-round.ts)
// with every assessor's scores submitted, except the last assessor on every tenth bid, so the
// ranking has both ranked bids and bids not yet fully scored. Scores are written with raw SQL:
// building the data is not what is measured. Usage: tsx build/bench/ranked-round.ts FILE [N]
import { asLead, makeScoredRound } from './scored-round';

export async function makeRankedRound(file: string, count: number): Promise<number> {
  const round = await makeScoredRound(file, count);
  const { sqlite, ctx } = round;
  const people = sqlite
    .prepare('SELECT id FROM people WHERE role = ? ORDER BY id')
    .pluck()
    .all('policy_officer') as number[];
  const bids = sqlite
    .prepare('SELECT id FROM bids WHERE round_id = ? ORDER BY id')
    .pluck()
    .all(round.roundId) as number[];
  const now = new Date().toISOString();
  const score = sqlite.prepare(
    'INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const submit = sqlite.prepare('INSERT INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)');
  asLead(ctx, "The bench wrote the assessors' scores and submissions", () => {
    bids.forEach((bidId, b) =>
      people.forEach((personId, p) => {
        if (b % 10 === 9 && p === people.length - 1) return;
        for (const c of round.criteria)
          score.run(
            bidId,
            personId,
            c.id,
            c.gateway ? 1 : 2 + ((b * 7 + c.id * 5 + p * (b % 4)) % 3),
            'Bench score',
            now,
          );
        submit.run(bidId, personId, now);
      }),
    );
  });
  round.close();
  return round.roundId;
}

if (process.argv[1]?.endsWith('ranked-round.ts')) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx build/bench/ranked-round.ts FILE [N]');
    process.exit(2);
  }
  const started = performance.now();
  const roundId = await makeRankedRound(file, Number(n ?? 10_000));
  console.log(
    `round ${roundId} with ${n ?? 10_000} scored bids in ${file} in ${Math.round(performance.now() - started)} ms`,
  );
}
