CREATE TABLE `board_views` (
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`view` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`meeting_on` text,
	`at` text NOT NULL,
	PRIMARY KEY(`bid_id`, `person_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `shortlist_overrides` (
	`round_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`included` integer NOT NULL,
	`reason` text NOT NULL,
	`person_id` integer,
	`at` text NOT NULL,
	PRIMARY KEY(`round_id`, `bid_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `shortlist_rules` (
	`round_id` integer PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`top_n` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
