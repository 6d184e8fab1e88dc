import { describe, expect, it } from 'vitest';
import { declaredMessage, validateDeclarations } from '../../renderer/src/forms/declarations-form';

describe('declaring interests in all one’s bids at once', () => {
  it('sends one declaration: the ticked bids with their conflict, the rest without one', () => {
    const form = { refs: ['X1', 'X2', 'X3'], conflicts: { X2: '  My sister chairs it ' } };
    expect(validateDeclarations(7, form)).toEqual({
      input: {
        roundId: 7,
        bidRefs: ['X1', 'X2', 'X3'],
        conflict: false,
        conflicts: [{ bidRef: 'X2', nature: 'My sister chairs it' }],
      },
    });
    expect(declaredMessage(form)).toBe(
      'Declared your interests in 3 bids: a conflict in X2, none in the rest.',
    );
    expect(declaredMessage({ refs: ['X1'], conflicts: {} })).toBe(
      'Declared no conflict of interest in your 1 bid.',
    );
  });

  it('names every ticked bid whose conflict is not described, each linked to its box', () => {
    expect(validateDeclarations(7, { refs: ['X1', 'X2', 'X3'], conflicts: { X1: '', X3: ' ' } })).toEqual({
      errors: [
        { fieldId: 'conflict-nature-X1', message: 'Say what the conflict of interest in X1 is' },
        { fieldId: 'conflict-nature-X3', message: 'Say what the conflict of interest in X3 is' },
      ],
    });
  });
});
