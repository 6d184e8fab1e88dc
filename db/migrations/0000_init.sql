CREATE TABLE `funds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funds_name_unique` ON `funds` (lower("name"));--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`name` text NOT NULL,
	`budget_pence` integer NOT NULL,
	`committed_pence` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "rounds_budget_not_negative" CHECK("rounds"."budget_pence" >= 0),
	CONSTRAINT "rounds_committed_within_budget" CHECK("rounds"."committed_pence" >= 0 AND "rounds"."committed_pence" <= "rounds"."budget_pence")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_fund_name_unique` ON `rounds` (`fund_id`,lower("name"));--> statement-breakpoint
CREATE INDEX `rounds_archived_idx` ON `rounds` (`archived_at`);