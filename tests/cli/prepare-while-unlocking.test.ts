import { describe, expect, it, vi } from 'vitest';
import { prepareChannel } from '../../electron/handlers/prepare';
import { preparer } from '../../electron/cli/prepare-while-unlocking';

vi.mock('../../electron/handlers/prepare', () => ({ prepareChannel: vi.fn(() => Promise.resolve()) }));

// Loading a library is one long synchronous stretch: begun before scrypt is handed to the thread
// pool it would delay the passphrase check instead of running beside it. So what a command asks for
// waits for the check to start, and then for the microtasks that carry the check to scrypt.

describe('loading a command’s code while the passphrase is checked', () => {
  it('holds what is asked until the check starts, then loads it after the check reaches scrypt', async () => {
    const preparing = preparer();
    preparing.ask('notices:export', { roundId: 1, format: 'pdf' });
    await Promise.resolve();
    expect(prepareChannel).not.toHaveBeenCalled();

    preparing.release();
    // The unlock's own steps to scrypt are microtasks: every one of them runs before the loading.
    let checkStarted = false;
    void Promise.resolve()
      .then(() => Promise.resolve())
      .then(() => {
        expect(prepareChannel).not.toHaveBeenCalled();
        checkStarted = true;
      });
    await preparing.ready();
    expect(checkStarted).toBe(true);
    expect(prepareChannel).toHaveBeenCalledWith('notices:export', { roundId: 1, format: 'pdf' });

    // Once the check is under way (or done), what is asked loads at once.
    preparing.ask('letters:export', { roundId: 1, format: 'pdf' });
    expect(prepareChannel).toHaveBeenCalledTimes(2);
    preparing.release();
    await preparing.ready();
    expect(prepareChannel).toHaveBeenCalledTimes(2);
  });
});
