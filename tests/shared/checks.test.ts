import { describe, expect, it } from 'vitest';
import { bidFlags, FLAG_CODES, oversubscription, subtotalFlags } from '../../shared/checks';

const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('bid checks', () => {
  it('flags C2: 20 × £1,098 + 20 × £800 is £37,960, not the £38,000 stated', () => {
    const flags = bidFlags({
      requestedPence: 3_800_000,
      reducedPence: null,
      statedTotalPence: 3_800_000,
      costLines: [
        { description: 'Training', quantity: 20, unitCostPence: 109_800, amountPence: null },
        { description: 'Uniform', quantity: 20, unitCostPence: 80_000, amountPence: null },
      ],
    });
    expect(flags).toEqual([
      {
        code: FLAG_CODES.costLinesMismatch,
        severity: 'problem',
        message: 'Cost lines add up to £37,960, but the stated total is £38,000 (£40 short)',
      },
    ]);
  });

  it("flags SS3's wrong session arithmetic and items that do not reach the £1,500 total", () => {
    const flags = bidFlags({
      requestedPence: 150_000,
      reducedPence: null,
      statedTotalPence: 150_000,
      costLines: [
        {
          description: 'Interpreter: 6 × 2-hour sessions',
          quantity: 6,
          unitCostPence: 10_400,
          amountPence: 65_200,
        },
        {
          description: 'Second interpreter, 4 sessions',
          quantity: 4,
          unitCostPence: 5_200,
          amountPence: 20_800,
        },
        { description: 'Promotional material', quantity: null, unitCostPence: null, amountPence: 30_000 },
        {
          description: 'Room hire and refreshments',
          quantity: null,
          unitCostPence: null,
          amountPence: 20_000,
        },
      ],
    });
    expect(codes(flags)).toEqual([FLAG_CODES.lineArithmetic, FLAG_CODES.costLinesMismatch]);
    expect(flags[0]?.message).toContain('6 × £104 is £624, but the line says £652');
    expect(flags[1]?.message).toBe(
      'Cost lines add up to £1,360, but the stated total is £1,500 (£140 short)',
    );
  });

  it('flags a total with no cost lines, a reduction that is not a reduction, and a request over the cap', () => {
    expect(
      codes(bidFlags({ requestedPence: 800_000, reducedPence: null, statedTotalPence: null, costLines: [] })),
    ).toEqual([FLAG_CODES.noCostLines]);
    const flags = bidFlags(
      {
        requestedPence: 80_000_000,
        reducedPence: 80_000_000,
        statedTotalPence: null,
        costLines: [{ description: 'All', quantity: null, unitCostPence: null, amountPence: 80_000_000 }],
      },
      { name: 'Safer Streets', capPence: 75_000_000 },
    );
    expect(codes(flags)).toEqual([FLAG_CODES.reducedNotBelow, FLAG_CODES.overCap]);
    expect(flags[1]?.message).toContain(
      "£800,000 is more than Safer Streets's cap of £750,000 a bid (£50,000 over)",
    );
  });

  it('raises nothing for a bid whose figures agree', () => {
    const lines = [
      { description: 'Schools co-ordinator', quantity: null, unitCostPence: null, amountPence: 3_000_000 },
      { description: 'Strategy', quantity: null, unitCostPence: null, amountPence: 1_000_000 },
    ];
    expect(
      bidFlags({
        requestedPence: 4_000_000,
        reducedPence: 3_000_000,
        statedTotalPence: 4_000_000,
        costLines: lines,
      }),
    ).toEqual([]);
  });

  it('checks partnership subtotals and the round against the money available', () => {
    expect(
      subtotalFlags({
        partnership: 'Coventry',
        label: 'Total requested',
        statedPence: 7_300_000,
        statedReducedPence: null,
        bidsRequestedPence: 7_300_000,
        bidsReducedPence: 7_300_000,
      }),
    ).toEqual([]);
    expect(
      subtotalFlags({
        partnership: 'Sandwell',
        label: 'Total request',
        statedPence: 10_126_000,
        statedReducedPence: null,
        bidsRequestedPence: 10_026_000,
        bidsReducedPence: 10_026_000,
      })[0]?.message,
    ).toContain('says £101,260, but its bids add up to £100,260 (£1,000 over)');
    expect(
      oversubscription({
        availablePence: 32_000_000,
        requestedPence: 50_926_000,
        reducedRequestedPence: 47_926_000,
      }),
    ).toEqual({
      overPence: 18_926_000,
      overWithReductionsPence: 15_926_000,
    });
  });
});
