import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/channels';

const exposed = new Map<string, unknown>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: [] }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

describe('preload', () => {
  it('exposes only window.api, with one function per contract channel bound to that channel', async () => {
    await import('../../electron/preload/preload');
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const exposedChannels = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    );
    expect(exposedChannels.sort()).toEqual([...CHANNELS].sort());
    expect(
      Object.values(api)
        .flatMap((verbs) => Object.values(verbs))
        .every((fn) => typeof fn === 'function'),
    ).toBe(true);
    expect(JSON.stringify(api)).not.toContain('invoke');

    await api.rounds!.create!({ fund: 'F' });
    expect(invoke).toHaveBeenLastCalledWith('rounds:create', { fund: 'F' });
    await api.rounds!.list!();
    expect(invoke).toHaveBeenLastCalledWith('rounds:list', undefined);
  });
});
