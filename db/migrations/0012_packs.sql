CREATE TABLE `enrolments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `enrolments_person_idx` ON `enrolments` (`person_id`);--> statement-breakpoint
CREATE TABLE `packs_received` (
	`pack_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`round_id` integer NOT NULL,
	`sender_person_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`received_at` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sender_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `packs_received_round_idx` ON `packs_received` (`round_id`,`sender_person_id`);--> statement-breakpoint
CREATE TABLE `packs_sent` (
	`pack_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`round_id` integer NOT NULL,
	`to_person_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `packs_sent_round_idx` ON `packs_sent` (`round_id`,`to_person_id`);--> statement-breakpoint
CREATE TABLE `pinned_keys` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`pinned_at` text NOT NULL,
	`via` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
ALTER TABLE `rounds` ADD `uid` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `copy_of` text;--> statement-breakpoint
-- Hand-written: every existing round gets its own random UUID (version 4 form) before the index.
UPDATE `rounds` SET `uid` = lower(
	substr(hex(randomblob(4)), 1) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
	substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))
) WHERE `uid` = '';--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_uid_unique` ON `rounds` (`uid`);