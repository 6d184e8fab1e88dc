CREATE TABLE `office_identity` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`signed_from` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `audit_entries` ADD `signature` text;--> statement-breakpoint
-- Hand-written: the office's database gets its id once, here, and notes the first audit entry that
-- must be signed. Entries already in the chain were written before signing existed; verify lists
-- them as notes, not failures.
INSERT INTO `office_identity` (`id`, `created_at`, `signed_from`)
SELECT lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), coalesce(max(`seq`), 0) + 1
FROM `audit_entries`;
