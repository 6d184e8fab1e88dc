CREATE TABLE `notice_templates` (
	`fund_id` integer PRIMARY KEY NOT NULL,
	`wording` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`title` text NOT NULL,
	`marking` text DEFAULT 'NON-CONFIDENTIAL' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`wording` text NOT NULL,
	`include_appendix_b` integer DEFAULT false NOT NULL,
	`summary` text,
	`signed_by` text,
	`signed_role` text,
	`signed_on` text,
	`interests` text,
	`content` text,
	`fingerprint` text,
	`supersedes_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_number_unique` ON `notices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `notices_year_sequence_unique` ON `notices` (`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `notices_round_idx` ON `notices` (`round_id`);