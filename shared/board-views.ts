// A board member's view of a bid, apart from the schemas that carry it, so that code needing only
// the words (the command line's help and output) does not build those schemas.

export const BOARD_VIEWS = ['support', 'support_with_conditions', 'do_not_support'] as const;
export const BOARD_VIEW_LABELS: Record<(typeof BOARD_VIEWS)[number], string> = {
  support: 'Support',
  support_with_conditions: 'Support with conditions',
  do_not_support: 'Do not support',
};
