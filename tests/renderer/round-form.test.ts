import { describe, expect, it } from 'vitest';
import { roundToForm, validateRoundForm } from '../../renderer/src/forms/round-form';

const filled = { fund: 'Invest to Save', name: '2013-14 tranche 2', budget: '£350,000', committed: '30k' };

describe('round form', () => {
  it('turns what an officer typed into a contract input in pence', () => {
    expect(validateRoundForm(filled)).toEqual({
      input: { fund: 'Invest to Save', name: '2013-14 tranche 2', budgetPence: 35_000_000, committedPence: 3_000_000 },
      errors: {},
    });
    expect(validateRoundForm({ ...filled, committed: '  ' }).input?.committedPence).toBe(0);
  });

  it('names every field at fault at once', () => {
    const { input, errors } = validateRoundForm({ fund: '', name: ' ', budget: '£3OO', committed: 'lots' });
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      fund: 'Enter the fund',
      name: 'Enter the round name',
      budget: expect.stringContaining('Budget: "£3OO" is not an amount of money'),
      committed: expect.stringContaining('Commitments: "lots" is not an amount of money'),
    });
    expect(validateRoundForm({ ...filled, budget: '' }).errors.budget).toBe('Enter the budget');
    expect(validateRoundForm({ ...filled, budget: '-5' }).errors.budget).toBe('The budget cannot be negative');
  });

  it('refuses commitments above the budget beside the commitments field', () => {
    expect(validateRoundForm({ ...filled, committed: '£400,000' }).errors).toEqual({
      committed: 'Commitments (£400,000) cannot be more than the budget (£350,000)',
    });
  });

  it('fills the edit form with figures that read back to the same pence', () => {
    const form = roundToForm({
      id: 1, fund: 'F', name: 'N', budgetPence: 35_000_050, committedPence: 0, availablePence: 35_000_050,
      archived: false, archivedAt: null, createdAt: '', updatedAt: '',
    });
    expect(form).toEqual({ fund: 'F', name: 'N', budget: '350000.50', committed: '' });
    expect(validateRoundForm(form).input?.budgetPence).toBe(35_000_050);
  });
});
