// The four roles, apart from the schemas in people.ts, so that code needing only their names and
// words (the rule book, the command line) does not build those schemas.

export const ROLES = ['policy_officer', 'lead_officer', 'board_member', 'commissioner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  policy_officer: 'Policy officer',
  lead_officer: 'Lead officer',
  board_member: 'Board member',
  commissioner: 'Commissioner',
};
