import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { testContext } from '../support/temp-db';

const tranche2 = { fund: 'Invest to Save', name: '2013-14 tranche 2', budgetPence: 35_000_000, committedPence: 3_000_000 };

describe('round handlers', () => {
  it('creates a round and computes what is available from budget and commitments', () => {
    const { ctx } = testContext();
    const created = dispatch('rounds:create', tranche2, ctx);
    expect(created).toMatchObject({ ok: true, value: { id: 1, fund: 'Invest to Save', availablePence: 32_000_000, archived: false } });
    const listed = dispatch('rounds:list', {}, ctx);
    expect(listed.ok && listed.value.map((r) => r.name)).toEqual(['2013-14 tranche 2']);
  });

  it('trims names and treats funds that differ only in case as one fund', () => {
    const { ctx } = testContext();
    dispatch('rounds:create', { ...tranche2, fund: '  Invest to Save ' }, ctx);
    dispatch('rounds:create', { ...tranche2, fund: 'invest to save', name: '2014-15' }, ctx);
    const funds = dispatch('funds:list', {}, ctx);
    expect(funds).toEqual({ ok: true, value: [{ id: 1, name: 'Invest to Save', roundCount: 2 }] });
  });

  it('refuses a second round with the same name in a fund, naming the field', () => {
    const { ctx } = testContext();
    dispatch('rounds:create', tranche2, ctx);
    const clash = dispatch('rounds:create', { ...tranche2, name: '2013-14 TRANCHE 2' }, ctx);
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'name' }] } });
    expect(!clash.ok && clash.error.message).toContain('already has a round called "2013-14 tranche 2"');
  });

  it('refuses commitments above the budget and negative or fractional money, and saves nothing', () => {
    const { ctx } = testContext();
    const over = dispatch('rounds:create', { ...tranche2, committedPence: 40_000_000 }, ctx);
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'committedPence' }] } });
    expect(!over.ok && over.error.message).toBe('Commitments (£400,000) cannot be more than the budget (£350,000)');
    expect(dispatch('rounds:create', { ...tranche2, budgetPence: -5 }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('rounds:create', { ...tranche2, budgetPence: 10.5 }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('rounds:create', { ...tranche2, fund: '   ' }, ctx)).toMatchObject({ ok: false, error: { message: 'Enter the fund' } });
    expect(dispatch('rounds:list', { includeArchived: true }, ctx)).toEqual({ ok: true, value: [] });
    expect(dispatch('funds:list', {}, ctx)).toEqual({ ok: true, value: [] });
  });

  it('edits a round, and refuses to edit one that is archived until it is restored', () => {
    const { ctx } = testContext();
    dispatch('rounds:create', tranche2, ctx);
    const edited = dispatch('rounds:update', { ...tranche2, id: 1, budgetPence: 40_000_000 }, ctx);
    expect(edited).toMatchObject({ ok: true, value: { availablePence: 37_000_000 } });
    expect(edited.ok && edited.value.updatedAt > edited.value.createdAt).toBe(true);

    expect(dispatch('rounds:archive', { id: 1 }, ctx)).toMatchObject({ ok: true, value: { archived: true } });
    expect(dispatch('rounds:list', {}, ctx)).toEqual({ ok: true, value: [] });
    expect(dispatch('rounds:update', { ...tranche2, id: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dispatch('rounds:restore', { id: 1 }, ctx)).toMatchObject({ ok: true, value: { archived: false, archivedAt: null } });
    expect(dispatch('rounds:update', { ...tranche2, id: 1, name: 'Renamed' }, ctx)).toMatchObject({ ok: true, value: { name: 'Renamed' } });
  });

  it('answers a missing round, an unknown operation and malformed input with typed errors', () => {
    const { ctx } = testContext();
    expect(dispatch('rounds:get', { id: 42 }, ctx)).toEqual({ ok: false, error: { code: 'not_found', message: 'Round 42 does not exist' } });
    expect(dispatch('rounds:explode', {}, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch('rounds:get', { id: 'one' }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'id' }] } });
    expect(dispatch('rounds:create', 'not an object', ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('app:info', { extra: true }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('reports a fault of its own as internal without throwing', () => {
    const { ctx, connection } = testContext();
    connection.close();
    const logged: unknown[] = [];
    const result = dispatch('rounds:list', {}, ctx, { logError: (error) => logged.push(error) });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });
});
