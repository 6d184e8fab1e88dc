// Every page of the app with the demonstration data loaded, and the main heading it shows: the
// accessibility sweep and the layout check both walk this one list, so a new page joins both.
export const EVERY_PAGE = [
  ['/#/rounds', 'Funding rounds'],
  ['/#/rounds/1', '2013-14 tranche 2'],
  ['/#/rounds/1/bids', 'Bids'],
  ['/#/rounds/1/bids/4', 'C2: Coventry Safer Homes Initiative'],
  ['/#/rounds/1/assessment', 'Assessment'],
  ['/#/rounds/1/framework', 'Edit the scoring framework'],
  ['/#/rounds/1/ranking', 'Ranking'],
  ['/#/rounds/1/moderation', 'Moderation'],
  ['/#/rounds/1/board', 'Board review'],
  ['/#/rounds/1/allocation', 'Allocation'],
  ['/#/rounds/1/notice', 'Notice of Decision'],
  ['/#/rounds/1/history', 'History'],
  ['/#/rounds/1/import', 'Import a schedule of bids'],
  ['/#/rounds/1/edit', 'Edit round'],
  ['/#/plans', 'Police and Crime Plans'],
  ['/#/reports', "Where a fund's money went"],
  ['/#/about', 'About and data'],
  ['/#/profile', 'Your profile'],
  ['/#/open-pack', 'Open a pack'],
  ['/#/search/polish', 'Search: polish'],
] as const;
