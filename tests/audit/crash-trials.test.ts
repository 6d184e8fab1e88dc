import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../build/scripts/crash-trials';

// The kill -9 trials (npm run crash-trials -- --count 100) with a small count, so CI runs them.
describe('kill -9 trials', () => {
  it('leave the file sound, the chain intact and every operation whole or absent', async () => {
    const figures = await runCrashTrials(5, undefined, 20261130);
    expect(figures.failures).toEqual([]);
    expect(figures.trials).toBe(5);
  }, 300_000);
});
