import { bidFlags } from '../../../shared/checks';
import { TEMPLATES, templateFramework } from '../../../shared/frameworks';
import { DEMO_PASSPHRASE, type Role } from '../../../shared/people';
import type { HandlerContext } from '../context';
import { createIdentity, DEFAULT_KDF } from '../../identity/keys';
import { enrolPerson } from '../identity';

// The demonstration round's assessment: an office of six people, the Invest to Save framework,
// three assessors who scored every bid (one declared a conflict), and a first moderation, so that
// the ranking, the moderation list and the charts show something real. The scores are invented
// for the demonstration; the bids and their figures are the papers'.

export const DEMO_PEOPLE: { name: string; role: Role }[] = [
  { name: 'Dan Hughes', role: 'lead_officer' },
  { name: 'Asha Patel', role: 'policy_officer' },
  { name: 'Ben Clarke', role: 'policy_officer' },
  { name: 'Chloe Evans', role: 'policy_officer' },
  { name: 'Frances Doyle', role: 'board_member' },
  { name: 'Pat Morgan', role: 'commissioner' },
];

const ASSESSORS = ['Asha Patel', 'Ben Clarke', 'Chloe Evans'];

/**
 * Asha Patel's scores for C1–C6 (strategic fit, need, invest to save, deliverability, value for money,
 * sustainability).
 */
const BASE: Record<string, number[]> = {
  S1: [4, 4, 2, 3, 2, 2],
  D1: [3, 3, 3, 4, 1, 2],
  C1: [4, 4, 3, 3, 3, 3],
  C2: [4, 3, 4, 3, 2, 4],
  W1: [3, 3, 2, 3, 1, 2],
  W2: [3, 3, 2, 4, 1, 3],
  B1: [5, 4, 3, 3, 3, 3],
  B2: [5, 4, 3, 3, 3, 3],
  SS1: [3, 3, 3, 4, 4, 3],
  SS2: [3, 3, 2, 3, 1, 2],
  SS3: [2, 2, 1, 4, 1, 1],
  SS4: [4, 4, 4, 3, 3, 3],
  SS5: [2, 2, 1, 3, 0, 2],
};

/** Where the assessors disagreed enough to need moderation: [bid, criterion, Asha, Ben, Chloe]. */
const DIVERGENT: [string, string, number, number, number][] = [
  ['C2', 'C5', 2, 1, 4],
  ['B1', 'C3', 3, 1, 3],
  ['SS1', 'C2', 3, 3, 5],
];

const CONFLICT = {
  assessor: 'Ben Clarke',
  ref: 'W1',
  nature: 'Worked in Walsall Council’s community safety team until 2012',
};
const MODERATION = {
  ref: 'C2',
  criterion: 'C5',
  score: 2,
  reason:
    'Cost lines total £37,960 against £38,000 stated; the unit costs are reasonable but the bid must ' +
    'correct its total.',
};

const clip = (n: number) => Math.max(0, Math.min(5, n));

function justification(
  criterion: string,
  score: number,
  ref: string,
  costNote: string | null,
  claims: number,
): string {
  const level = TEMPLATES['invest-to-save'].descriptors[score] ?? '';
  switch (criterion) {
    case 'G1':
      return `${ref} is from an eligible partnership and is one-off spending within 2013-14.`;
    case 'C1':
      if (claims > 0)
        return `${level}: claims ${claims} of the plan's objectives and shows how it advances them.`;
      {
        const judgement =
          score >= 3
            ? 'the aims match the plan’s priorities on crime and harm, though the case does not cite them'
            : 'the case does not tie the work to the plan’s objectives';
        return `${level}: ${judgement}.`;
      }
    case 'C2': {
      const judgement =
        score >= 4
          ? 'local data and reviews show the need in the areas named'
          : score >= 2
            ? 'some local evidence, but the need is asserted more than shown'
            : 'little evidence of need is given';
      return `${level}: ${judgement}.`;
    }
    case 'C3': {
      const judgement =
        score >= 4
          ? 'one-off money buys capacity that lasts and saves partners’ time'
          : score >= 2
            ? 'some efficiency, but ongoing costs fall elsewhere'
            : 'no saving or efficiency is shown';
      return `${level}: ${judgement}.`;
    }
    case 'C4': {
      const judgement =
        score >= 4
          ? 'clear plan, owner and milestones to deliver within the year'
          : 'the timetable is tight and depends on recruitment or procurement';
      return `${level}: ${judgement}.`;
    }
    case 'C5':
      return `${level}: ${costNote ?? 'costs are itemised, reasonable and add up to the amount requested'}.`;
    default: {
      const judgement =
        score >= 3
          ? 'the case says what continues after the funding and who pays'
          : 'little is said about what happens when the one-off money ends';
      return `${level}: ${judgement}.`;
    }
  }
}

export function loadDemoAssessment(ctx: HandlerContext, roundId: number, now: string) {
  const ids = new Map<string, number>();
  for (const person of DEMO_PEOPLE) {
    const found = ctx.store.people.findByName(person.name);
    const id = found?.id ?? ctx.store.people.create(person.name, person.role, now);
    ids.set(person.name, id);
    // Every demonstration person opens with the one published demonstration passphrase.
    if (!ctx.store.identities.get(id))
      enrolPerson(ctx, { id, ...person }, createIdentity(DEMO_PASSPHRASE, ctx.kdf ?? DEFAULT_KDF));
  }
  ctx.store.frameworks.save(roundId, templateFramework('invest-to-save'), now);
  const framework = ctx.store.frameworks.forRound(roundId);
  if (!framework) return;
  const criterionId = new Map(framework.criteria.map((c) => [c.code, c.id]));
  const bids = ctx.store.bids.listForRound(roundId);
  bids.forEach((bid, bidIndex) => {
    const detail = ctx.store.bids.get(bid.id);
    const costNote =
      bidFlags(bid).find((f) => f.severity === 'problem' || f.code === 'NO_COST_LINES')?.message ?? null;
    ASSESSORS.forEach((name, assessorIndex) => {
      const personId = ids.get(name) as number;
      ctx.store.scoring.assign(bid.id, personId, now);
      const conflicted = name === CONFLICT.assessor && bid.ref === CONFLICT.ref;
      ctx.store.scoring.declare(bid.id, personId, conflicted, conflicted ? CONFLICT.nature : null, now);
      if (conflicted) return;
      // Each assessor judges the priorities the bidder claims: Ben more sparingly than the others.
      for (const claim of detail?.claimedPriorities ?? [])
        ctx.store.scoring.setAlignment(bid.id, personId, claim.id, name === 'Ben Clarke' ? 'some' : 'strong');
      const base = BASE[bid.ref] ?? [3, 3, 3, 3, 3, 3];
      framework.criteria.forEach((criterion, c) => {
        let score: number;
        if (criterion.gateway) score = 1;
        else {
          const j = c - 1;
          const divergent = DIVERGENT.find(([ref, code]) => ref === bid.ref && code === criterion.code);
          if (divergent) score = divergent[2 + assessorIndex] as number;
          else {
            // Ben marks a little harder and Chloe a little softer, never on the same criterion.
            const shift =
              assessorIndex === 1 && (bidIndex + j) % 3 === 0
                ? -1
                : assessorIndex === 2 && (bidIndex + j) % 3 === 1
                  ? 1
                  : 0;
            score = clip((base[j] ?? 3) + shift);
          }
        }
        ctx.store.scoring.saveScore(
          bid.id,
          personId,
          criterionId.get(criterion.code) as number,
          score,
          justification(criterion.code, score, bid.ref, costNote, detail?.claimedPriorities.length ?? 0),
          true,
          now,
        );
      });
      ctx.store.scoring.submit(bid.id, personId, now);
    });
  });
  const moderated = bids.find((b) => b.ref === MODERATION.ref);
  const moderatedCriterion = criterionId.get(MODERATION.criterion);
  if (moderated && moderatedCriterion)
    ctx.store.scoring.moderate(
      moderated.id,
      moderatedCriterion,
      MODERATION.score,
      MODERATION.reason,
      ids.get('Dan Hughes') ?? null,
      now,
    );
}
