// Builds a database with one round of N bids (default 10,000), for the benchmark and the
// large-round browser test. Usage: tsx build/bench/make-large-round.ts FILE [N]
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';

export function makeLargeRound(file: string, count: number) {
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  const store = createStore(connection);
  const now = new Date().toISOString();
  const roundId = store.transaction(() => {
    const fundId = store.funds.findOrCreate('Community Safety Fund', now);
    const id = store.rounds.insert(
      {
        fundId,
        name: 'Large round',
        financialYear: '2026-27',
        tranche: null,
        budgetPence: 500_000_000,
        opensOn: null,
        closesOn: null,
        status: 'open',
        planId: null,
      },
      now,
    );
    const partnerships = [
      'Birmingham',
      'Coventry',
      'Dudley',
      'Sandwell',
      'Solihull',
      'Walsall',
      'Wolverhampton',
    ].map((area) => store.organisations.createPartnership(`${area} Community Safety Partnership`, area, now));
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const requestedPence = (((i * 7919) % 9999) + 1) * 1000; // £10 to £99,990, spread out
      const bidId = store.bids.insert(
        {
          roundId: id,
          ref: `L${String(i).padStart(5, '0')}`,
          partnershipId: partnerships[i % partnerships.length] ?? 1,
          title: `Project ${i}: community safety scheme`,
          summary: 'Generated for performance measurement.',
          requestedPence,
          reducedPence: i % 5 === 0 ? Math.floor(requestedPence * 0.8) : null,
          reductionNote: null,
          statedTotalPence: requestedPence,
          durationText: null,
          startsOn: null,
          endsOn: null,
          matchFundingPence: null,
          status: 'received',
          statusReason: null,
        },
        now,
      );
      store.bids.replaceCostLines(bidId, [
        {
          description: 'Staff',
          quantity: 1,
          unitCostPence: requestedPence - (i % 3 === 0 ? 4000 : 0),
          amountPence: null,
        },
      ]);
      ids.push(bidId);
    }
    store.bids.reindex(ids);
    return id;
  });
  connection.close();
  return roundId;
}

if (process.argv[1]?.endsWith('make-large-round.ts')) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx build/bench/make-large-round.ts FILE [N]');
    process.exit(2);
  }
  const started = performance.now();
  const roundId = makeLargeRound(file, Number(n ?? 10_000));
  console.log(
    `round ${roundId} with ${n ?? 10_000} bids written to ${file} in ${Math.round(performance.now() - started)} ms`,
  );
}
