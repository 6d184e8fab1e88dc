// The frameworks Tranche can start from, apart from the schemas in frameworks.ts, so that the command
// line can list them without building those schemas.

export const TEMPLATE_KEYS = ['invest-to-save', 'safer-streets'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

type TemplateCriterion = {
  code: string;
  name: string;
  guidance: string;
  weight: number;
  minScore?: number;
  gateway?: boolean;
};

const ZERO_TO_FIVE = ['No evidence', 'Poor', 'Partial', 'Satisfactory', 'Good', 'Outstanding'];

/** Starting points the office adjusts. Weights are not published by the funders; these are ours. */
export const TEMPLATES: Record<
  TemplateKey,
  {
    label: string;
    scaleMin: number;
    scaleMax: number;
    descriptors: string[];
    threshold: number;
    criteria: TemplateCriterion[];
  }
> = {
  'invest-to-save': {
    label: 'Invest to Save',
    scaleMin: 0,
    scaleMax: 5,
    descriptors: ZERO_TO_FIVE,
    threshold: 50,
    criteria: [
      {
        code: 'G1',
        name: 'Eligible and within the fund’s rules',
        guidance:
          'Pass if the bid is from an eligible partnership, is non-recurring, and can be spent within ' +
          'the financial year.',
        weight: 0,
        gateway: true,
      },
      {
        code: 'C1',
        name: 'Strategic fit with Police and Crime Plan priorities',
        guidance: 'How directly the bid advances the plan’s priorities; see the priority alignment.',
        weight: 25,
        minScore: 2,
      },
      {
        code: 'C2',
        name: 'Evidence of need',
        guidance: 'Local data, problem profiles or reviews that show the need in the places named.',
        weight: 20,
      },
      {
        code: 'C3',
        name: 'Savings or efficiency (invest to save)',
        guidance: 'How the one-off money leads to more efficient working or lasting savings.',
        weight: 20,
      },
      {
        code: 'C4',
        name: 'Deliverability within the financial year',
        guidance: 'A credible plan, timeline and owner to spend and deliver in year.',
        weight: 15,
      },
      {
        code: 'C5',
        name: 'Value for money and robustness of costs',
        guidance: 'Itemised costs that add up, are reasonable and match the amount requested.',
        weight: 10,
      },
      {
        code: 'C6',
        name: 'Sustainability and exit',
        guidance: 'What continues after the one-off funding, and who pays for it.',
        weight: 10,
      },
    ],
  },
  'safer-streets': {
    label: 'Safer Streets',
    scaleMin: 0,
    scaleMax: 5,
    descriptors: ZERO_TO_FIVE,
    threshold: 60,
    criteria: [
      {
        code: 'G1',
        name: 'Within the fund’s cap',
        guidance: 'Pass if the request is within the round’s maximum per bid.',
        weight: 0,
        gateway: true,
      },
      {
        code: 'G2',
        name: 'Match funding in place',
        guidance: 'Pass if the match funding the prospectus requires is committed.',
        weight: 0,
        gateway: true,
      },
      {
        code: 'C1',
        name: 'Problem and evidence for the place',
        guidance: 'Crime and ASB data for the named area, and why here.',
        weight: 25,
        minScore: 2,
      },
      {
        code: 'C2',
        name: 'Evidence base of the interventions',
        guidance: 'What works: evidence that the chosen measures reduce the problem.',
        weight: 20,
      },
      {
        code: 'C3',
        name: 'Value for money',
        guidance: 'Costs that are itemised, reasonable and proportionate to the harm addressed.',
        weight: 15,
      },
      {
        code: 'C4',
        name: 'Deliverability and governance',
        guidance: 'Plan, milestones, risks and accountable owners within the funding period.',
        weight: 15,
      },
      {
        code: 'C5',
        name: 'Partnership',
        guidance: 'Who is involved and their commitment: CSP, VRP, police, voluntary partners.',
        weight: 15,
      },
      {
        code: 'C6',
        name: 'Sustainability',
        guidance: 'How benefits last beyond the funding period.',
        weight: 10,
      },
    ],
  },
};

/** The template a fund's new rounds start with, matched on its name; null for other funds. */
export function templateForFund(fund: string): TemplateKey | null {
  const name = fund.toLowerCase().replace(/[^a-z]+/g, ' ');
  if (/\binvest to save\b/.test(name)) return 'invest-to-save';
  if (/\bsafer streets\b/.test(name)) return 'safer-streets';
  return null;
}

/** A template as the values a round's framework is saved with. */
export function templateFramework(key: TemplateKey) {
  const template = TEMPLATES[key];
  return {
    template: key as string | null,
    scaleMin: template.scaleMin,
    scaleMax: template.scaleMax,
    descriptors: template.descriptors,
    threshold: template.threshold as number | null,
    divergence: 2,
    criteria: template.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      guidance: c.guidance,
      weight: c.weight,
      minScore: c.minScore ?? null,
      gateway: c.gateway ?? false,
    })),
  };
}
