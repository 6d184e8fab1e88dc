import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { templateFramework } from '../../shared/frameworks';
import { DEFAULT_WORDING } from '../../shared/notices';
import { ROLES, type Role } from '../../shared/people';
import { RULE_BOOK, type Rule } from '../../shared/rule-book';
import { STAGES, type Stage } from '../../shared/stages';
import { TEST_PASSPHRASE, actingAs, testContext } from '../support/temp-db';

// The rule book covers every channel, and dispatch keeps to it: every write channel is called as
// every role (and as nobody) in every stage of a round, and is refused exactly when the book says,
// with the book's own refusal and nothing written; otherwise whatever the handler says stands.

const csv = (text: string) => Buffer.from(text).toString('base64');

describe('the rule book', () => {
  it('has an entry for every channel of the contract, and nothing else', () => {
    const book = RULE_BOOK as Record<string, Rule | undefined>;
    const missing = CHANNELS.filter((c) => !book[c]);
    expect(missing).toEqual([]);
    expect(Object.keys(RULE_BOOK).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const rule = book[channel]!;
      expect(['read', 'write'], channel).toContain(rule.access);
      expect(rule.action.length, channel).toBeGreaterThan(3);
      if (rule.roles !== 'anyone') for (const r of rule.roles) expect(ROLES, channel).toContain(r);
      // A write that touches a round says how to find it and in which stages it may run.
      if (rule.round) expect(rule.stages?.length, channel).toBeGreaterThan(0);
      for (const s of rule.stages ?? []) expect(STAGES, channel).toContain(s);
    }
  });

  // A return pack changes nothing in the round: it records that a pack was made from the copy, and is
  // how a commissioner's signature, made on their copy (now signed), reaches the office.
  it('lets nothing touching a round be written once signed but a superseding notice, packs, delivery', () => {
    const signedWrites = CHANNELS.filter((c) => {
      const rule: Rule = RULE_BOOK[c];
      return rule.access === 'write' && rule.stages?.includes('signed');
    });
    expect(signedWrites).toEqual([
      // Letters go out after the decision: their feedback is written and approved then, and changes
      // nothing the notice says.
      'feedback:set',
      'feedback:approve',
      'notices:supersede',
      // Each kind of pack checks its own stage; a delivery pack goes out once the round is signed.
      'packs:make',
      'packs:return',
      // After the award: the grants a signed decision made are followed through delivery.
      'grants:diligence',
      'grants:signAgreement',
      'grants:schedule',
      'grants:vary',
      'grants:close',
      'claims:add',
      'claims:approve',
      'returns:import',
    ]);
    // Delivery never reaches back into the decision: it is allowed only once the notice is signed.
    for (const channel of signedWrites.filter((c) => /^(grants|claims|returns):/.test(c)))
      expect((RULE_BOOK[channel] as Rule).stages, channel).toEqual(['signed']);
  });
});

/**
 * Every role, nobody, and three people whose grant waits for the commissioner's approval: a policy
 * officer made lead officer, a lead officer made commissioner, and a new lead officer with a key
 * but no approval. Each must be treated as the role they act in (the one before), or as nobody.
 */
type Pending = 'pending_lead' | 'pending_commissioner' | 'pending_new';
type Actor = Role | 'nobody' | Pending;
const PEOPLE: Record<Role | Pending, string> = {
  lead_officer: 'Dan Hughes',
  policy_officer: 'Asha Patel',
  board_member: 'Frances Doyle',
  commissioner: 'Pat Morgan',
  pending_lead: 'Petra Promoted',
  pending_commissioner: 'Cass Climber',
  pending_new: 'Nia Newcomer',
};
const ACTS_AS: Record<Pending, Role | 'nobody'> = {
  pending_lead: 'policy_officer',
  pending_commissioner: 'lead_officer',
  pending_new: 'nobody',
};

/** Adds the three people whose grants wait, each with their own passphrase chosen with a code. */
async function addPendingPeople(ctx: HandlerContext): Promise<number> {
  const lead = actingAs(ctx, PEOPLE.lead_officer);
  const enrol = async (name: string, role: Role) => {
    const added = await dispatch('people:add', { name, role }, lead);
    if (!added.ok) throw new Error(added.error.message);
    const code = added.value.enrolmentCode!;
    const nobody = createContext(ctx.store, 'test', ctx.now);
    const enrolled = await dispatch(
      'people:enrol',
      { personId: added.value.id, enrolmentCode: code, passphrase: TEST_PASSPHRASE },
      nobody,
    );
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    return added.value.id;
  };
  const petra = await enrol(PEOPLE.pending_lead, 'policy_officer');
  const cass = await enrol(PEOPLE.pending_commissioner, 'lead_officer');
  const approved = await dispatch('people:approve', { personId: cass }, actingAs(ctx, PEOPLE.commissioner));
  if (!approved.ok) throw new Error(approved.error.message);
  const nia = await enrol(PEOPLE.pending_new, 'lead_officer');
  for (const [personId, role] of [
    [petra, 'lead_officer'],
    [cass, 'commissioner'],
  ] as const) {
    const changed = await dispatch('people:setRole', { personId, role }, lead);
    if (!changed.ok || !changed.value.pending) throw new Error(`${role} should wait for approval`);
  }
  return nia;
}

function sampleInputs(
  ctx: HandlerContext,
  ids: { bid: number; notice: number; query: number; pending: number },
) {
  const round = ctx.store.rounds.get(1)!;
  const framework = templateFramework('invest-to-save');
  const inputs: Partial<Record<Channel, unknown>> = {
    'rounds:create': { fund: 'Another fund', name: 'New round', budgetPence: 100_000 },
    'rounds:update': {
      id: 1,
      fund: round.fund,
      name: round.name,
      financialYear: round.financialYear,
      budgetPence: round.budgetPence,
      commitments: round.commitments.map(({ description, amountPence }) => ({ description, amountPence })),
    },
    'rounds:archive': { id: 1 },
    'rounds:restore': { id: 1 },
    'rounds:setStage': { roundId: 1, to: 'decision' },
    'bids:create': { roundId: 1, ref: 'Z9', partnership: 'Walsall', title: 'New bid', requestedPence: 1_000 },
    'bids:update': {
      id: ids.bid,
      ref: 'S1',
      partnership: 'Solihull',
      title: 'Retitled after the decision',
      requestedPence: 1_000,
    },
    'bids:import': {
      roundId: 1,
      fileName: 'bids.csv',
      dataBase64: csv('Ref,Partnership,Project,Amount\nZ8,Walsall,One,£10k\n'),
    },
    'bids:importCase': { bidId: ids.bid, fileName: 'case.docx', dataBase64: csv('not a Word file') },
    'plans:create': {
      title: 'A new plan',
      period: '2030',
      priorities: [{ code: 'P1', title: 'Priority', children: [] }],
    },
    'people:add': { name: 'Newcomer', role: 'policy_officer' },
    'people:setProfile': { personId: 1, passphrase: TEST_PASSPHRASE },
    'people:passphrase': { currentPassphrase: TEST_PASSPHRASE, newPassphrase: 'a new passphrase for tests' },
    'people:enrol': { personId: 1, enrolmentCode: 'ABCD-EFGH-JKLM', passphrase: TEST_PASSPHRASE },
    'people:approve': { personId: ids.pending },
    'people:newCode': { personId: ids.pending },
    'people:setRole': { personId: ctx.store.people.findByName('Chloe Evans')!.id, role: 'board_member' },
    'people:retire': { personId: ctx.store.people.findByName('Chloe Evans')!.id },
    'frameworks:use': { roundId: 1, template: 'invest-to-save', confirmChangeAfterScoring: true },
    'frameworks:update': {
      roundId: 1,
      scaleMin: framework.scaleMin,
      scaleMax: framework.scaleMax,
      descriptors: framework.descriptors,
      threshold: framework.threshold,
      divergence: framework.divergence,
      criteria: framework.criteria,
      confirmChangeAfterScoring: true,
      reason: 'Matrix test',
    },
    'assessment:assign': { roundId: 1, assessor: 'Chloe Evans', bidRefs: ['S1'] },
    'assessment:declare': { roundId: 1, bidRefs: ['S1'], conflict: false },
    'assessment:score': { bidId: ids.bid, scores: [], submit: false },
    'assessment:reopen': { bidId: ids.bid, assessor: 'Asha Patel', reason: 'Matrix test' },
    'assessment:importScores': {
      roundId: 1,
      fileName: 'scores.csv',
      dataBase64: csv(
        'bid,assessor,criterion,score,justification\nS1,Asha Patel,C1,3,Long enough justification\n',
      ),
    },
    'assessment:moderate': { roundId: 1, bidRef: 'S1', criterion: 'C1', score: 3, reason: 'Matrix test' },
    'assessment:align': { bidId: ids.bid, alignments: [] },
    'queries:raise': { bidId: ids.bid, text: 'Do the costs add up?' },
    'queries:resolve': { id: ids.query, resolution: 'They do' },
    'allocation:set': { roundId: 1, bidRef: 'S1', option: 'none' },
    'allocation:suggest': { roundId: 1, apply: true },
    'scenarios:save': { roundId: 1, name: 'Matrix', from: 'current' },
    'scenarios:adopt': { roundId: 1, scenarioId: 999 },
    'shortlist:setRule': { roundId: 1, rule: 'threshold' },
    'shortlist:override': { roundId: 1, bidRef: 'S1', included: false, reason: 'Matrix test' },
    'board:recordView': { roundId: 1, bidRef: 'S1', view: 'support' },
    'office:set': { contactOfficer: 'A', telephone: '', email: '', numberPrefix: '' },
    'notices:setTemplate': { fund: 'Invest to Save', wording: DEFAULT_WORDING },
    'notices:create': { roundId: 1 },
    'notices:update': {
      noticeId: ids.notice,
      title: 'Notice',
      marking: 'NON-CONFIDENTIAL',
      wording: DEFAULT_WORDING,
    },
    'notices:set': { roundId: 1, boardName: 'Strategic Policing and Crime Board' },
    'feedback:set': { roundId: 1, bidRef: 'S1', criterion: 'C1', text: 'Clear aims' },
    'feedback:approve': { roundId: 1, bidRef: 'S1' },
    'partnerships:add': { name: 'Matrix Partnership' },
    'notices:ready': { roundId: 1 },
    'notices:sign': { roundId: 1 },
    'notices:supersede': { roundId: 1 },
    'demo:load': {},
    'packs:make': { kind: 'assessor', roundId: 1, personName: 'Chloe Evans' },
    'packs:open': { bytesBase64: csv('not a pack') },
    'packs:return': { roundId: 1 },
    'packs:receive': { bytesBase64: csv('not a pack') },
    'grants:diligence': {
      roundId: 1,
      bidRef: 'S1',
      bankConfirmed: true,
      accountableBody: 'Solihull Council',
      fraudRisk: 'low',
      reason: 'Matrix test',
    },
    'grants:signAgreement': { roundId: 1, bidRef: 'S1', party: 'office' },
    'grants:schedule': {
      roundId: 1,
      bidRef: 'S1',
      years: [{ financialYear: '2026-27', allocationPence: 1_000 }],
    },
    'grants:vary': { roundId: 1, bidRef: 'S1', amountPence: 1_000, reason: 'Matrix test' },
    'grants:setThreshold': { thresholdPence: 1_000 },
    'grants:close': { roundId: 1, bidRef: 'S1', finalReport: 'Matrix test' },
    'claims:add': { roundId: 1, bidRef: 'S1', amountPence: 1_000, period: '2026-27-Q1' },
    'claims:approve': { roundId: 1, claimId: 1 },
    'returns:import': { roundId: 1, fileName: 'return.xlsx', dataBase64: csv('not a workbook') },
  };
  return inputs;
}

/** What the book says of this call: null when it allows it. */
function verdict(rule: Rule, who: Actor, stage: Stage): 'forbidden' | 'conflict' | null {
  const actor = who in ACTS_AS ? ACTS_AS[who as Pending] : (who as Role | 'nobody');
  if (rule.roles !== 'anyone' && (actor === 'nobody' || !rule.roles.includes(actor))) return 'forbidden';
  if (rule.round && rule.stages && !rule.stages.includes(stage)) return 'conflict';
  return null;
}

const BOOK_REFUSAL = {
  forbidden: /^(Only an? .+ can |Tranche does not know who you are)/,
  conflict: /(stage: you can .+ only at the .+ stages?$|: nobody can .+ now\. Draft a superseding notice)/,
};

describe('dispatch keeps to the rule book', () => {
  it('for every write channel, every role (or one awaiting approval), every stage: as the book says', async () => {
    const { ctx, connection } = testContext();
    expect((await dispatch('demo:load', {}, ctx)).ok).toBe(true);
    // The connection's own handle: drizzle sets it at run time, though its type here does not say so.
    const sqlite = (connection.db as unknown as { $client: Database.Database }).$client;
    const bid = ctx.store.bids.findByRef(1, 'S1')!.id;
    const notice = ctx.store.notices.create({
      roundId: 1,
      number: '001/2026',
      year: 2026,
      sequence: 1,
      title: 'Notice',
      wording: JSON.stringify(DEFAULT_WORDING),
      supersedesId: null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    const query = ctx.store.scoring.raiseQuery(bid, 'A query', null, null, ctx.now());
    const pending = await addPendingPeople(ctx);
    const inputs = sampleInputs(ctx, { bid, notice, query, pending });
    const writeChannels = CHANNELS.filter((c) => RULE_BOOK[c].access === 'write');
    for (const channel of writeChannels) {
      expect(inputs[channel], `a sample input for ${channel}`).toBeDefined();
      expect(contract[channel].input.safeParse(inputs[channel]).success, `${channel} input parses`).toBe(
        true,
      );
    }
    const changes = () => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const actors: Actor[] = [...ROLES, 'nobody'];
    // Those awaiting approval are tried at the decision stage, where a commissioner signs.
    const pendingActors: Actor[] = ['pending_lead', 'pending_commissioner', 'pending_new'];
    let calls = 0;
    for (const stage of STAGES) {
      ctx.store.rounds.setStage(1, stage, ctx.now());
      if (stage === 'signed') ctx.store.notices.update(notice, { status: 'signed', signedOn: '2026-11-01' });
      for (const actor of stage === 'decision' ? [...actors, ...pendingActors] : actors) {
        for (const channel of writeChannels) {
          // A fresh session for every call: choosing a profile (people:setProfile) changes who the
          // session acts as, and sessions live outside the transaction rolled back below.
          const as =
            actor === 'nobody' ? createContext(ctx.store, 'test', ctx.now) : actingAs(ctx, PEOPLE[actor]);
          const expected = verdict(RULE_BOOK[channel], actor, stage);
          sqlite.exec('BEGIN');
          const before = changes();
          const result = await dispatch(channel, inputs[channel], as);
          const written = changes() - before;
          sqlite.exec('ROLLBACK');
          calls += 1;
          const where = `${channel} as ${actor} at ${stage}`;
          if (expected) {
            expect(result.ok, where).toBe(false);
            if (result.ok) continue;
            expect(result.error.code, `${where}: ${result.error.message}`).toBe(expected);
            expect(result.error.message, where).toMatch(BOOK_REFUSAL[expected]);
            expect(written, `${where} wrote nothing`).toBe(0);
          } else if (!result.ok) {
            // Allowed by the book: the handler may still refuse on the data, in its own words.
            expect(result.error.code, `${where}: ${result.error.message}`).not.toBe('internal');
            const bookSaid =
              BOOK_REFUSAL.forbidden.test(result.error.message) ||
              BOOK_REFUSAL.conflict.test(result.error.message);
            expect(bookSaid, `${where} was refused as if by the book: ${result.error.message}`).toBe(false);
          }
        }
      }
    }
    expect(calls).toBe((STAGES.length * actors.length + pendingActors.length) * writeChannels.length);
  }, 240_000);

  it('lets a new installation, with nobody in it, set up rounds, bids, imports and the first person', async () => {
    const { ctx } = testContext();
    const round = await dispatch('rounds:create', { fund: 'F', name: 'R', budgetPence: 100_000 }, ctx);
    expect(round.ok).toBe(true);
    expect(
      (
        await dispatch(
          'bids:import',
          {
            roundId: 1,
            fileName: 'bids.csv',
            dataBase64: csv('Ref,Partnership,Project,Amount\nX1,Walsall,One,£10k\n'),
          },
          ctx,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await dispatch(
          'bids:create',
          { roundId: 1, ref: 'X2', partnership: 'W', title: 'T', requestedPence: 5 },
          ctx,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await dispatch(
          'people:add',
          { name: 'First', role: 'lead_officer', passphrase: TEST_PASSPHRASE },
          ctx,
        )
      ).ok,
    ).toBe(true);
    // Once someone exists, a profile is needed.
    expect(await dispatch('rounds:create', { fund: 'F', name: 'R2', budgetPence: 1 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('does not know who you are') },
    });
    // Moving a stage is never part of that: it needs a lead officer.
    const first = actingAs(ctx, 'First');
    expect(await dispatch('rounds:setStage', { roundId: 1, to: 'open' }, first)).toMatchObject({
      ok: true,
      value: { stage: 'open' },
    });
  });
});
