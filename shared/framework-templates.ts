// The frameworks Tranche can start from, apart from the schemas in frameworks.ts, so that the command
// line can list them without building those schemas.

export const TEMPLATE_KEYS = ['invest-to-save', 'safer-streets'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
