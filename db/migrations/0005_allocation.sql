CREATE TABLE `allocation_items` (
	`round_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`option` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `bid_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "allocation_amount_positive" CHECK("allocation_items"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE `scenario_items` (
	`scenario_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`option` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`scenario_id`, `bid_id`),
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`adopted_at` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenarios_round_name_unique` ON `scenarios` (`round_id`,lower("name"));