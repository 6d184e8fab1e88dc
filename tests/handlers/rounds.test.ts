import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { testContext } from '../support/temp-db';

const tranche2 = {
  fund: 'Invest to Save',
  name: '2013-14 tranche 2',
  budgetPence: 35_000_000,
  commitments: [{ description: 'Domestic Homicide Review project', amountPence: 3_000_000 }],
};

describe('round handlers', () => {
  it('creates a round and computes what is available from budget and commitments', async () => {
    const { ctx } = testContext();
    const created = await dispatch('rounds:create', tranche2, ctx);
    expect(created).toMatchObject({
      ok: true,
      value: { id: 1, fund: 'Invest to Save', availablePence: 32_000_000, archived: false },
    });
    const listed = await dispatch('rounds:list', {}, ctx);
    expect(listed.ok && listed.value.map((r) => r.name)).toEqual(['2013-14 tranche 2']);
  });

  it("starts a new round of a fund with that fund's scoring template", async () => {
    const { ctx } = testContext();
    await dispatch('rounds:create', tranche2, ctx);
    await dispatch('rounds:create', { ...tranche2, fund: 'Safer Streets', name: 'Round 5' }, ctx);
    await dispatch('rounds:create', { ...tranche2, fund: 'Community Fund', name: 'Round 1' }, ctx);
    const template = async (roundId: number) => {
      const framework = await dispatch('frameworks:get', { roundId }, ctx);
      return framework.ok ? (framework.value?.template ?? null) : 'failed';
    };
    expect([await template(1), await template(2), await template(3)]).toEqual([
      'invest-to-save',
      'safer-streets',
      null,
    ]);
  });

  it('trims names and treats funds that differ only in case as one fund', async () => {
    const { ctx } = testContext();
    await dispatch('rounds:create', { ...tranche2, fund: '  Invest to Save ' }, ctx);
    await dispatch('rounds:create', { ...tranche2, fund: 'invest to save', name: '2014-15' }, ctx);
    const funds = await dispatch('funds:list', {}, ctx);
    expect(funds).toEqual({
      ok: true,
      value: [{ id: 1, name: 'Invest to Save', capPence: null, roundCount: 2 }],
    });
  });

  it('refuses a second round with the same name in a fund, naming the field', async () => {
    const { ctx } = testContext();
    await dispatch('rounds:create', tranche2, ctx);
    const clash = await dispatch('rounds:create', { ...tranche2, name: '2013-14 TRANCHE 2' }, ctx);
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'name' }] } });
    expect(!clash.ok && clash.error.message).toContain('already has a round called "2013-14 tranche 2"');
  });

  it('refuses commitments above the budget and negative or fractional money, and saves nothing', async () => {
    const { ctx } = testContext();
    const over = await dispatch(
      'rounds:create',
      { ...tranche2, commitments: [{ description: 'Too much', amountPence: 40_000_000 }] },
      ctx,
    );
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'commitments' }] },
    });
    expect(!over.ok && over.error.message).toBe(
      'Commitments (£400,000) cannot be more than the budget (£350,000)',
    );
    expect(await dispatch('rounds:create', { ...tranche2, budgetPence: -5 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch('rounds:create', { ...tranche2, budgetPence: 10.5 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch('rounds:create', { ...tranche2, fund: '   ' }, ctx)).toMatchObject({
      ok: false,
      error: { message: 'Enter the fund' },
    });
    expect(await dispatch('rounds:list', { includeArchived: true }, ctx)).toEqual({ ok: true, value: [] });
    expect(await dispatch('funds:list', {}, ctx)).toEqual({ ok: true, value: [] });
  });

  it('edits a round, and refuses to edit one that is archived until it is restored', async () => {
    const { ctx } = testContext();
    await dispatch('rounds:create', tranche2, ctx);
    const edited = await dispatch('rounds:update', { ...tranche2, id: 1, budgetPence: 40_000_000 }, ctx);
    expect(edited).toMatchObject({ ok: true, value: { availablePence: 37_000_000 } });
    expect(edited.ok && edited.value.updatedAt > edited.value.createdAt).toBe(true);

    expect(await dispatch('rounds:archive', { id: 1 }, ctx)).toMatchObject({
      ok: true,
      value: { archived: true },
    });
    expect(await dispatch('rounds:list', {}, ctx)).toEqual({ ok: true, value: [] });
    expect(await dispatch('rounds:update', { ...tranche2, id: 1 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await dispatch('rounds:restore', { id: 1 }, ctx)).toMatchObject({
      ok: true,
      value: { archived: false, archivedAt: null },
    });
    expect(await dispatch('rounds:update', { ...tranche2, id: 1, name: 'Renamed' }, ctx)).toMatchObject({
      ok: true,
      value: { name: 'Renamed' },
    });
  });

  it('answers a missing round, an unknown operation and malformed input with typed errors', async () => {
    const { ctx } = testContext();
    expect(await dispatch('rounds:get', { id: 42 }, ctx)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Round 42 does not exist' },
    });
    expect(await dispatch('rounds:explode', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch('rounds:get', { id: 'one' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'id' }] },
    });
    expect(await dispatch('rounds:create', 'not an object', ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch('app:info', { extra: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('reports a fault of its own as internal without throwing', async () => {
    const { ctx, connection } = testContext();
    connection.close();
    const logged: unknown[] = [];
    const result = await dispatch('rounds:list', {}, ctx, { logError: (error) => logged.push(error) });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });
});
