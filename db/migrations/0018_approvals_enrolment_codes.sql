CREATE TABLE `enrolment_codes` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`salt` text NOT NULL,
	`kdf` text NOT NULL,
	`issued_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `role_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`approved_by` integer NOT NULL,
	`approved_at` text NOT NULL,
	`statement` text NOT NULL,
	`signature` text NOT NULL,
	`approver_fingerprint` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`approved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
ALTER TABLE `people` ADD `pending_since` text;--> statement-breakpoint
ALTER TABLE `people` ADD `role_before` text;