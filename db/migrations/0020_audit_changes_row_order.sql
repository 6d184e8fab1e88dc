DROP INDEX `audit_changes_row_idx`;--> statement-breakpoint
CREATE INDEX `audit_changes_row_idx` ON `audit_changes` (`table_name`,`row_key`,`entry_seq`,`position`);