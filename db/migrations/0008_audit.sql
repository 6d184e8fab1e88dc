CREATE TABLE `audit_changes` (
	`entry_seq` integer NOT NULL,
	`position` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`op` text NOT NULL,
	`image` text,
	PRIMARY KEY(`entry_seq`, `position`)
);
--> statement-breakpoint
CREATE INDEX `audit_changes_row_idx` ON `audit_changes` (`table_name`,`row_key`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`person_id` integer,
	`person_name` text,
	`key_fingerprint` text,
	`operation` text NOT NULL,
	`rounds` text NOT NULL,
	`summary` text NOT NULL,
	`input` text NOT NULL,
	`changes_hash` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_pending` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL
);
