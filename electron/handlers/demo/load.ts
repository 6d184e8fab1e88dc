import { normaliseName } from '../../../db/queries/organisations';
import { templateFramework } from '../../../shared/frameworks';
import type { HandlerContext } from '../context';
import { Refusal } from '../refusal';
import { loadDemoAssessment } from './assessment';
import { DEMO } from './data';
import type { DemoPriority } from './types';

// Loads the demonstration dataset. Everything is matched on its natural key (plan title,
// partnership name, fund and round name), so loading twice changes nothing.

/** Marks a database that holds the demonstration: it may be loaded again there, and only there. */
export const DEMO_DATABASE_KEY = 'demonstration_database';

/**
 * The demonstration goes only into an empty database (no people, no rounds) or one that already
 * holds it: its people, with their published passphrase, must never be able to act on live rounds.
 */
function refuseLiveDatabase(ctx: HandlerContext) {
  if (ctx.store.people.setting(DEMO_DATABASE_KEY) === 'yes') return;
  const people = ctx.store.people.count();
  const rounds = ctx.store.rounds.list(true).length;
  if (people === 0 && rounds === 0) return;
  const holds = [
    people ? `${people} ${people === 1 ? 'person' : 'people'}` : '',
    rounds ? `${rounds} round${rounds === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  throw new Refusal(
    'conflict',
    `This database already holds ${holds.join(' and ')}: the demonstration goes only into an empty ` +
      'database of its own, never among live rounds. Load it into a new file (--db demo.db, or TRANCHE_DB).',
  );
}

// long-function: one transaction from the first check to the last write, so all of it happens or none does
export function loadDemo(ctx: HandlerContext) {
  return ctx.store.transaction(() => {
    refuseLiveDatabase(ctx);
    ctx.store.people.setSetting(DEMO_DATABASE_KEY, 'yes');
    const now = ctx.now();
    const org = ctx.store.organisations;
    let created = 0;

    const planIds = new Map<string, number>();
    for (const plan of DEMO.plans) {
      const existing = org.findPlanByTitle(plan.title);
      if (existing) planIds.set(plan.key, existing.id);
      else {
        planIds.set(
          plan.key,
          org.createPlan(plan.title, plan.period, plan.priorities as DemoPriority[], now),
        );
        created += 1;
      }
    }

    for (const partnership of DEMO.partnerships) {
      const index = org.partnershipIndex();
      const known = index.get(normaliseName(partnership.name));
      // A force-wide body (the OPCC) is not one of the local areas whose absence a notice reports.
      const area = partnership.area === 'West Midlands' ? null : partnership.area;
      const id = known?.id ?? org.createPartnership(partnership.name, area, now, area !== null);
      if (!known) created += 1;
      for (const alias of partnership.aliases) {
        if (!org.partnershipIndex().has(normaliseName(alias))) org.addAlias(id, alias);
      }
    }

    // long-function: each demonstration round's rows, written in the order they refer to each other
    const rounds = DEMO.rounds.map((round) => {
      const fundId = ctx.store.funds.findOrCreate(round.fund, now);
      if (round.fundCapPence !== undefined && ctx.store.funds.get(fundId)?.capPence == null)
        ctx.store.funds.setCap(fundId, round.fundCapPence);
      const existing = ctx.store.rounds.findByName(fundId, round.name);
      if (existing) return { id: existing.id, fund: round.fund, name: round.name, created: false };
      const planId = planIds.get(round.planKey) ?? null;
      const roundId = ctx.store.rounds.insert(
        {
          fundId,
          name: round.name,
          financialYear: round.financialYear,
          tranche: round.tranche ?? null,
          budgetPence: round.budgetPence,
          opensOn: round.opensOn ?? null,
          closesOn: round.closesOn ?? null,
          status: round.status,
          planId,
          demoNotice: DEMO.notice,
        },
        now,
      );
      ctx.store.rounds.replaceCommitments(roundId, round.commitments);
      const codes = planId === null ? new Map<string, number>() : org.priorityIdsByCode(planId);
      const index = org.partnershipIndex();
      const partnershipId = (name: string) => {
        const found = index.get(normaliseName(name));
        if (!found) throw new Error(`Demo data names an unknown partnership: ${name}`);
        return found.id;
      };
      const bidIds = round.bids.map((bid) => {
        const id = ctx.store.bids.insert(
          {
            roundId,
            ref: bid.ref,
            partnershipId: partnershipId(bid.partnership),
            title: bid.title,
            summary: bid.summary,
            requestedPence: bid.requestedPence,
            reducedPence: bid.reducedPence ?? null,
            reductionNote: bid.reductionNote ?? null,
            statedTotalPence: bid.statedTotalPence ?? null,
            durationText: bid.durationText ?? null,
            startsOn: null,
            endsOn: null,
            matchFundingPence: bid.matchFundingPence ?? null,
            status: bid.status ?? 'received',
            statusReason: null,
          },
          now,
        );
        ctx.store.bids.replaceCostLines(
          id,
          (bid.costLines ?? []).map((l) => ({
            description: l.description,
            quantity: l.quantity ?? null,
            unitCostPence: l.unitCostPence ?? null,
            amountPence: l.amountPence ?? null,
          })),
        );
        ctx.store.bids.replaceSections(id, bid.sections ?? []);
        ctx.store.bids.replaceClaims(
          id,
          (bid.claimedPriorities ?? []).map((code) => {
            const priorityId = codes.get(code.toLowerCase());
            if (priorityId === undefined)
              throw new Error(`Demo bid ${bid.ref} claims an unknown priority ${code}`);
            return priorityId;
          }),
        );
        return id;
      });
      for (const total of round.scheduleTotals ?? []) {
        ctx.store.bids.setScheduleTotal(
          roundId,
          partnershipId(total.partnership),
          total.label,
          total.statedPence,
          total.statedReducedPence ?? null,
        );
      }
      ctx.store.bids.reindex(bidIds);
      if (round.fund === 'Invest to Save') loadDemoAssessment(ctx, roundId, now);
      else if (round.fund === 'Safer Streets') {
        // A framework to start from, with no scores: Safer Streets round 4's awards were decided.
        ctx.store.frameworks.save(roundId, templateFramework('safer-streets'), now);
      }
      // The assessed round waits at board review, where allocation can be tried straight away;
      // Safer Streets is open for bids, with its framework ready for assessment.
      ctx.store.rounds.setStage(roundId, round.fund === 'Invest to Save' ? 'board' : 'open', now);
      created += 1;
      return { id: roundId, fund: round.fund, name: round.name, created: true };
    });

    return { loaded: created > 0, notice: DEMO.notice, rounds };
  });
}
