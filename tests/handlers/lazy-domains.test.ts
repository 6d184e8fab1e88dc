import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { testContext } from '../support/temp-db';

// dispatch loads each domain's part of the contract (shared/contracts/<domain>.ts) and its handlers
// when one of its channels is first called, and the channel's handler when it is first called. The
// parts must add up to the one contract, every channel must find its handler, and a call must load
// its own domain and handler and no other.

describe('the contract and handlers, loaded a domain at a time', () => {
  it('loads only the domain a call needs', async () => {
    vi.resetModules();
    const { dispatch } = await import('../../electron/handlers/dispatch');
    const { loadedOperation } = await import('../../shared/contracts/load');
    const { loadedHandler } = await import('../../electron/handlers/handler-loaders');
    const { ctx, connection } = testContext();
    expect(loadedOperation('rounds:list')).toBeUndefined();
    const result = await dispatch('rounds:list', {}, ctx);
    expect(result).toEqual({ ok: true, value: [] });
    expect(loadedOperation('rounds:get')).toBeDefined();
    // Listing loads the rounds channels that read (contracts/rounds-reading.ts), not the schemas of
    // creating or changing a round, nor those of the dashboard and progress pages.
    expect(loadedOperation('rounds:create')).toBeUndefined();
    expect(loadedOperation('rounds:progress')).toBeUndefined();
    expect(loadedHandler('rounds:list')).toBeTypeOf('function');
    // Handlers load a channel at a time: another rounds channel's handler is not loaded yet.
    expect(loadedHandler('rounds:progress')).toBeUndefined();
    for (const other of [
      'bids:list',
      'assessment:ranking',
      'notices:export',
      'packs:make',
      'grants:list',
    ] as const) {
      expect(loadedOperation(other), other).toBeUndefined();
      expect(loadedHandler(other), other).toBeUndefined();
    }
    connection.close();
  });

  it('gives every channel the contract operation and a handler', async () => {
    const { contract } = await import('../../shared/contract');
    const { loadOperation } = await import('../../shared/contracts/load');
    const { loadHandler } = await import('../../electron/handlers/handler-loaders');
    for (const channel of CHANNELS) {
      expect(await loadOperation(channel), channel).toBe(contract[channel]);
      expect(await loadHandler(channel), channel).toBeTypeOf('function');
    }
  });

  it('refuses bad input before loading any handler, as before', async () => {
    vi.resetModules();
    const { dispatch } = await import('../../electron/handlers/dispatch');
    const { loadedHandler } = await import('../../electron/handlers/handler-loaders');
    const { ctx, connection } = testContext();
    const result = await dispatch('bids:list', { roundId: 'one' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(loadedHandler('bids:list')).toBeUndefined();
    connection.close();
  });
});
