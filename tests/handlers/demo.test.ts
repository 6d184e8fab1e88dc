import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { actingAs, testContext } from '../support/temp-db';

describe('demonstration data', () => {
  it('builds the 2013-14 Invest to Save round from the papers, labelled as a demonstration', async () => {
    const { ctx } = testContext();
    const loaded = await dispatch('demo:load', {}, ctx);
    expect(loaded).toMatchObject({
      ok: true,
      value: { loaded: true, notice: expect.stringContaining('demonstration') },
    });
    const rounds = await dispatch('rounds:list', {}, ctx);
    const its = rounds.ok ? rounds.value.find((r) => r.fund === 'Invest to Save') : undefined;
    expect(its).toMatchObject({
      name: '2013-14 tranche 2',
      financialYear: '2013-14',
      budgetPence: 35_000_000,
      committedPence: 3_000_000,
      availablePence: 32_000_000,
      bidCount: 13,
      requestedPence: 50_926_000,
      reducedRequestedPence: 47_926_000,
      demoNotice: expect.stringContaining('public'),
      planTitle: expect.stringContaining('2013'),
    });
    const ssf4 = rounds.ok ? rounds.value.find((r) => r.fund === 'Safer Streets') : undefined;
    expect(ssf4).toMatchObject({ bidCount: 3, requestedPence: 105_131_200 });

    const dashboard = await dispatch('rounds:dashboard', { id: its!.id }, ctx);
    expect(dashboard.ok && dashboard.value).toMatchObject({
      overPence: 18_926_000,
      overWithReductionsPence: 15_926_000,
      flags: [],
    });
    expect(dashboard.ok && dashboard.value.partnerships).toHaveLength(6);
    expect(dashboard.ok && dashboard.value.partnershipsWithoutBids.join()).toContain('Wolverhampton');
  });

  it('flags C2 and SS3 with both figures', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const bids = await dispatch('bids:list', { roundId: 1 }, ctx);
    const flagsOf = (ref: string) =>
      bids.ok ? bids.value.find((b) => b.ref === ref)?.flags.map((f) => f.message) : [];
    expect(flagsOf('C2')).toContain(
      'Cost lines add up to £37,960, but the stated total is £38,000 (£40 short)',
    );
    expect(flagsOf('SS3')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('is £624, but the line says £652'),
        expect.stringContaining('Cost lines add up to £1,360, but the stated total is £1,500'),
      ]),
    );
  });

  it('changes nothing when loaded twice', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const snapshot = async () => [
      await dispatch('rounds:list', {}, ctx),
      await dispatch('partnerships:list', {}, ctx),
      await dispatch('plans:list', {}, ctx),
      await dispatch('bids:list', { roundId: 1 }, ctx),
    ];
    const before = await snapshot();
    const again = await dispatch('demo:load', {}, ctx);
    expect(again).toMatchObject({ ok: true, value: { loaded: false } });
    expect(await snapshot()).toEqual(before);
  });

  it('finds bids and business cases from one search box', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const hits = await dispatch('search:query', { text: 'special constables' }, ctx);
    expect(hits.ok && hits.value.map((h) => h.ref)).toContain('C2');
    const byRef = await dispatch('search:query', { text: 'SS3', roundId: 1 }, ctx);
    expect(byRef.ok && byRef.value[0]?.ref).toBe('SS3');
    expect(await dispatch('search:query', { text: '"(' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('demonstration assessment', () => {
  it(
    'ships a framework and three assessors\u2019 submitted scores, so ranking, moderation and charts ' +
      'show something real',
    async () => {
      const { ctx } = testContext();
      await dispatch('demo:load', {}, ctx);
      const lead = actingAs(ctx, 'Dan Hughes');
      const framework = await dispatch('frameworks:get', { roundId: 1 }, lead);
      expect(framework.ok && framework.value).toMatchObject({
        template: 'invest-to-save',
        scoringStarted: true,
        threshold: 50,
      });
      const ranking = await dispatch('assessment:ranking', { roundId: 1 }, lead);
      expect(ranking.ok && ranking.value.length).toBe(13);
      expect(ranking.ok && ranking.value.every((r) => r.complete && r.assessorCount >= 2)).toBe(true);
      expect(ranking.ok && ranking.value.find((r) => r.ref === 'W1')?.assessorCount).toBe(2);
      const moderation = await dispatch('assessment:moderation', { roundId: 1 }, lead);
      expect(moderation.ok && moderation.value.items.length).toBeGreaterThanOrEqual(3);
      expect(moderation.ok && moderation.value.items.find((i) => i.ref === 'C2')?.moderated).toMatchObject({
        score: 2,
        by: 'Dan Hughes',
      });
      expect(moderation.ok && moderation.value.distributions.map((d) => d.person)).toEqual([
        'Asha Patel',
        'Ben Clarke',
        'Chloe Evans',
      ]);
      const progress = await dispatch('assessment:progress', { roundId: 1 }, lead);
      expect(progress.ok && progress.value.declarations.filter((d) => d.conflict)).toEqual([
        expect.objectContaining({ ref: 'W1', person: 'Ben Clarke' }),
      ]);
    },
  );
});
