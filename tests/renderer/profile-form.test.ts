import { describe, expect, it } from 'vitest';
import { newPassphraseErrors } from '../../renderer/src/components/NewPassphrase';

describe("the profile form's passphrase", () => {
  it('names every problem at once, each linked to its own field', () => {
    expect(newPassphraseErrors('first-passphrase', 'short', 'other')).toEqual([
      {
        fieldId: 'first-passphrase',
        message: expect.stringMatching(/^A passphrase needs at least \d+ characters$/),
      },
      { fieldId: 'first-passphrase-again', message: 'The two passphrases are not the same' },
    ]);
    expect(newPassphraseErrors('p', 'correct horse battery staple', 'correct horse battery staple')).toEqual(
      [],
    );
  });
});
