import { describe, expect, it } from 'vitest';
import { roundToForm, validateRoundForm } from '../../renderer/src/forms/round-form';

const filled = {
  fund: 'Invest to Save',
  name: '2013-14 tranche 2',
  financialYear: '2013-14',
  tranche: '2',
  planId: '',
  opensOn: '2013-09-01',
  closesOn: '2013-10-15',
  status: 'open' as const,
  budget: '£350,000',
  commitments: [{ description: 'Domestic Homicide Review project', amount: '30k' }],
};

describe('round form', () => {
  it('turns what an officer typed into a contract input in pence', () => {
    expect(validateRoundForm(filled)).toEqual({
      input: {
        fund: 'Invest to Save',
        name: '2013-14 tranche 2',
        financialYear: '2013-14',
        budgetPence: 35_000_000,
        commitments: [{ description: 'Domestic Homicide Review project', amountPence: 3_000_000 }],
        tranche: '2',
        opensOn: '2013-09-01',
        closesOn: '2013-10-15',
        status: 'open',
        planId: null,
      },
      errors: {},
    });
    expect(validateRoundForm({ ...filled, commitments: [] }).input?.commitments).toEqual([]);
  });

  it('names every field at fault at once', () => {
    const { input, errors } = validateRoundForm({
      fund: '',
      name: ' ',
      financialYear: '2013-15',
      tranche: '',
      planId: '',
      opensOn: '2013-10-01',
      closesOn: '2013-09-01',
      status: 'open',
      budget: '£3OO',
      commitments: [{ description: '', amount: 'lots' }],
    });
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      fund: 'Enter the fund',
      name: 'Enter the round name',
      financialYear: 'A financial year runs into the next year, like 2013-14',
      closesOn: 'The closing date must be on or after the opening date',
      budget: expect.stringContaining('Budget: "£3OO" is not an amount of money'),
      'commitments.0.amount': expect.stringContaining('Commitment 1: "lots" is not an amount of money'),
      'commitments.0.description': 'Enter the description of the commitment',
    });
    expect(validateRoundForm({ ...filled, budget: '' }).errors.budget).toBe('Enter the budget');
    expect(validateRoundForm({ ...filled, budget: '-5' }).errors.budget).toBe(
      'The budget cannot be negative',
    );
  });

  it('refuses commitments above the budget', () => {
    expect(
      validateRoundForm({
        ...filled,
        commitments: [
          { description: 'A', amount: '£300,000' },
          { description: 'B', amount: '£100,000' },
        ],
      }).errors,
    ).toEqual({
      commitments: 'Commitments (£400,000) cannot be more than the budget (£350,000)',
    });
  });

  it('fills the edit form with figures that read back to the same pence', () => {
    const form = roundToForm({
      id: 1,
      fund: 'F',
      fundCapPence: null,
      name: 'N',
      financialYear: null,
      tranche: null,
      budgetPence: 35_000_050,
      commitments: [{ id: 1, description: 'DHR', amountPence: 3_000_001 }],
      committedPence: 3_000_001,
      availablePence: 32_000_049,
      opensOn: null,
      closesOn: null,
      status: 'open',
      planId: null,
      planTitle: null,
      demoNotice: null,
      stage: 'open',
      isCopy: false,
      archived: false,
      archivedAt: null,
      createdAt: '',
      updatedAt: '',
      bidCount: 0,
      requestedPence: 0,
      reducedRequestedPence: 0,
    });
    expect(form).toEqual({
      fund: 'F',
      name: 'N',
      financialYear: '',
      tranche: '',
      planId: '',
      opensOn: '',
      closesOn: '',
      status: 'open',
      budget: '350000.50',
      commitments: [{ description: 'DHR', amount: '30000.01' }],
    });
    expect(validateRoundForm(form).input).toMatchObject({
      budgetPence: 35_000_050,
      commitments: [{ amountPence: 3_000_001 }],
    });
  });
});
