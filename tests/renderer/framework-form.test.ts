import { describe, expect, it } from 'vitest';
import { frameworkToForm, validateFrameworkForm, weightTotal } from '../../renderer/src/forms/framework-form';
import { templateFramework } from '../../shared/frameworks';

const template = templateFramework('invest-to-save');
const framework = {
  roundId: 1,
  template: 'invest-to-save',
  scale: {
    min: 0,
    max: 5,
    descriptors: template.descriptors.map((descriptor, score) => ({ score, descriptor })),
  },
  criteria: template.criteria.map((c, i) => ({ id: i + 1, ...c })),
  threshold: 50,
  divergence: 2,
  scoringStarted: false,
  changes: [],
};

describe('framework form', () => {
  it('reads a framework back into the same contract input', () => {
    const form = frameworkToForm(framework);
    expect(weightTotal(form)).toBe(100);
    const { input, errors } = validateFrameworkForm(1, form, false);
    expect(errors).toEqual({});
    expect(input?.criteria.map((c) => [c.code, c.weight])).toEqual(
      template.criteria.map((c) => [c.code, c.weight]),
    );
  });

  it('names the weights that do not add up, a bad number and a missing descriptor', () => {
    const form = frameworkToForm(framework);
    form.criteria[1]!.weight = '30';
    form.criteria[2]!.weight = 'lots';
    const { input, errors } = validateFrameworkForm(1, form, false);
    expect(input).toBeUndefined();
    expect(errors['criteria.2.weight']).toBe('The weight must be a whole percentage');

    form.criteria[2]!.weight = '20';
    form.descriptors = form.descriptors.slice(0, 5);
    const second = validateFrameworkForm(1, form, false).errors;
    expect(second.criteria).toBe('The weights add up to 105%; they must add up to 100%');
    expect(second.descriptors).toContain('Give a descriptor for every point from 0 to 5');
  });
});
