// A grant's statuses, fraud risks and RAG ratings, apart from the schemas in grants.ts, so that the
// database schema and the command line can name them without building those schemas.

export const GRANT_STATUSES = [
  'agreement_drafted',
  'agreement_signed',
  'in_delivery',
  'closed',
  'clawed_back',
] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];
export const GRANT_STATUS_LABELS: Record<GrantStatus, string> = {
  agreement_drafted: 'Agreement drafted',
  agreement_signed: 'Agreement signed',
  in_delivery: 'In delivery',
  closed: 'Closed',
  clawed_back: 'Clawed back',
};

export const FRAUD_RISKS = ['low', 'medium', 'high'] as const;
export const RAGS = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAGS)[number];
export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
