-- Full-text search over bids and their business cases (SQLite FTS5). Written by hand: drizzle-kit
-- does not model virtual tables. db/queries/bids.ts keeps it in step with every bid write.
CREATE VIRTUAL TABLE `bid_search` USING fts5(
	bid_id UNINDEXED,
	round_id UNINDEXED,
	ref,
	partnership,
	title,
	body,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
