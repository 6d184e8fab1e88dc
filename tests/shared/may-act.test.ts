import { describe, expect, it } from 'vitest';
import { whyNotAllowed } from '../../shared/may-act';

describe('may this person call this channel on this round now', () => {
  it('answers from the rule book, in a sentence a person can act on', () => {
    expect(whyNotAllowed('assessment:ranking', 'lead_officer', 'board')).toBeNull();
    expect(whyNotAllowed('assessment:ranking', 'policy_officer', 'board')).toBe(
      'Only a lead officer, board member or commissioner can see the ranking.',
    );
    expect(whyNotAllowed('bids:create', 'policy_officer', 'open')).toBeNull();
    expect(whyNotAllowed('bids:create', 'policy_officer', 'board')).toBe(
      'You can record bids only at the setting up or open for bids stage; this round is at board review.',
    );
    expect(whyNotAllowed('notices:create', 'lead_officer', 'board')).toBe(
      'You can draft a decision notice only at the decision stage; this round is at board review.',
    );
    expect(whyNotAllowed('bids:update', 'lead_officer', 'signed')).toBe(
      'The decision is signed: nobody can change bids now.',
    );
  });
});
