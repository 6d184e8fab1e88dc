CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_bid_idx` ON `attachments` (`bid_id`);--> statement-breakpoint
CREATE TABLE `bid_cost_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` real,
	`unit_cost_pence` integer,
	`amount_pence` integer,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bid_cost_lines_bid_idx` ON `bid_cost_lines` (`bid_id`,`position`);--> statement-breakpoint
CREATE TABLE `bid_priority_claims` (
	`bid_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	PRIMARY KEY(`bid_id`, `priority_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `bid_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`position` integer NOT NULL,
	`heading` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bid_sections_bid_idx` ON `bid_sections` (`bid_id`,`position`);--> statement-breakpoint
CREATE TABLE `bids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`ref` text NOT NULL,
	`partnership_id` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`requested_pence` integer NOT NULL,
	`reduced_pence` integer,
	`reduction_note` text,
	`stated_total_pence` integer,
	`duration_text` text,
	`starts_on` text,
	`ends_on` text,
	`match_funding_pence` integer,
	`status` text DEFAULT 'received' NOT NULL,
	`status_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "bids_requested_not_negative" CHECK("bids"."requested_pence" >= 0),
	CONSTRAINT "bids_reduced_not_negative" CHECK("bids"."reduced_pence" IS NULL OR "bids"."reduced_pence" >= 0),
	CONSTRAINT "bids_stated_total_not_negative" CHECK("bids"."stated_total_pence" IS NULL OR "bids"."stated_total_pence" >= 0),
	CONSTRAINT "bids_match_not_negative" CHECK("bids"."match_funding_pence" IS NULL OR "bids"."match_funding_pence" >= 0),
	CONSTRAINT "bids_status_known" CHECK("bids"."status" IN ('received', 'eligible', 'ineligible', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bids_round_ref_unique` ON `bids` (`round_id`,lower("ref"));--> statement-breakpoint
CREATE INDEX `bids_round_partnership_idx` ON `bids` (`round_id`,`partnership_id`);--> statement-breakpoint
CREATE INDEX `bids_round_status_idx` ON `bids` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`description` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "commitments_amount_positive" CHECK("commitments"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE INDEX `commitments_round_idx` ON `commitments` (`round_id`);--> statement-breakpoint
CREATE TABLE `partnership_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partnership_id` integer NOT NULL,
	`alias` text NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_aliases_alias_unique` ON `partnership_aliases` (lower("alias"));--> statement-breakpoint
CREATE INDEX `partnership_aliases_partnership_idx` ON `partnership_aliases` (`partnership_id`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`area` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnerships_name_unique` ON `partnerships` (lower("name"));--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`period` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_title_unique` ON `plans` (lower("title"));--> statement-breakpoint
CREATE TABLE `priorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`parent_id` integer,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `priorities_plan_code_unique` ON `priorities` (`plan_id`,lower("code"));--> statement-breakpoint
CREATE INDEX `priorities_parent_idx` ON `priorities` (`parent_id`);--> statement-breakpoint
CREATE TABLE `schedule_totals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`partnership_id` integer NOT NULL,
	`label` text NOT NULL,
	`stated_pence` integer NOT NULL,
	`stated_reduced_pence` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schedule_totals_round_partnership_unique` ON `schedule_totals` (`round_id`,`partnership_id`);--> statement-breakpoint
-- Reviewed by hand: drizzle-kit selected columns the old tables do not have and quoted the
-- lower(name) index expressions as column names; both fixed below. Foreign keys are off while
-- this runs (db/connection.ts) and checked afterwards.
-- A round's single committed figure becomes its first commitment before the column goes.
INSERT INTO `commitments`("round_id", "description", "amount_pence", "position") SELECT "id", 'Commitments already made', "committed_pence", 0 FROM `rounds` WHERE "committed_pence" > 0;--> statement-breakpoint
CREATE TABLE `__new_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`name` text NOT NULL,
	`financial_year` text,
	`tranche` text,
	`budget_pence` integer NOT NULL,
	`opens_on` text,
	`closes_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`plan_id` integer,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "rounds_budget_not_negative" CHECK("__new_rounds"."budget_pence" >= 0),
	CONSTRAINT "rounds_status_known" CHECK("__new_rounds"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
INSERT INTO `__new_rounds`("id", "fund_id", "name", "budget_pence", "archived_at", "created_at", "updated_at") SELECT "id", "fund_id", "name", "budget_pence", "archived_at", "created_at", "updated_at" FROM `rounds`;--> statement-breakpoint
DROP TABLE `rounds`;--> statement-breakpoint
ALTER TABLE `__new_rounds` RENAME TO `rounds`;--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_fund_name_unique` ON `rounds` (`fund_id`,lower("name"));--> statement-breakpoint
CREATE INDEX `rounds_archived_idx` ON `rounds` (`archived_at`);--> statement-breakpoint
CREATE TABLE `__new_funds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`cap_pence` integer,
	`created_at` text NOT NULL,
	CONSTRAINT "funds_cap_positive" CHECK("__new_funds"."cap_pence" IS NULL OR "__new_funds"."cap_pence" > 0)
);
--> statement-breakpoint
INSERT INTO `__new_funds`("id", "name", "created_at") SELECT "id", "name", "created_at" FROM `funds`;--> statement-breakpoint
DROP TABLE `funds`;--> statement-breakpoint
ALTER TABLE `__new_funds` RENAME TO `funds`;--> statement-breakpoint
CREATE UNIQUE INDEX `funds_name_unique` ON `funds` (lower("name"));