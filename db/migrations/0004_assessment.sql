CREATE TABLE `alignments` (
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	`strength` text NOT NULL,
	PRIMARY KEY(`bid_id`, `person_id`, `priority_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `assignments` (
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`assigned_at` text NOT NULL,
	PRIMARY KEY(`bid_id`, `person_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `assignments_person_idx` ON `assignments` (`person_id`);--> statement-breakpoint
CREATE TABLE `bid_queries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`text` text NOT NULL,
	`raised_by` integer,
	`assigned_to` integer,
	`raised_at` text NOT NULL,
	`resolution` text,
	`resolved_by` integer,
	`resolved_at` text,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`raised_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assigned_to`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `bid_queries_bid_idx` ON `bid_queries` (`bid_id`);--> statement-breakpoint
CREATE TABLE `criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`framework_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`guidance` text DEFAULT '' NOT NULL,
	`weight_percent` integer NOT NULL,
	`min_score` integer,
	`gateway` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "criteria_weight_range" CHECK("criteria"."weight_percent" >= 0 AND "criteria"."weight_percent" <= 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `criteria_framework_code_unique` ON `criteria` (`framework_id`,lower("code"));--> statement-breakpoint
CREATE TABLE `declarations` (
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`conflict` integer NOT NULL,
	`nature` text,
	`declared_at` text NOT NULL,
	PRIMARY KEY(`bid_id`, `person_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `framework_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`framework_id` integer NOT NULL,
	`person_id` integer,
	`summary` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`template` text,
	`scale_min` integer NOT NULL,
	`scale_max` integer NOT NULL,
	`threshold_percent` integer,
	`divergence` integer DEFAULT 2 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "frameworks_scale_order" CHECK("frameworks"."scale_min" >= 0 AND "frameworks"."scale_max" > "frameworks"."scale_min" AND "frameworks"."scale_max" <= 10),
	CONSTRAINT "frameworks_threshold_range" CHECK("frameworks"."threshold_percent" IS NULL OR ("frameworks"."threshold_percent" >= 0 AND "frameworks"."threshold_percent" <= 100))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `frameworks_round_unique` ON `frameworks` (`round_id`);--> statement-breakpoint
CREATE TABLE `moderations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer NOT NULL,
	`reason` text NOT NULL,
	`person_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `moderations_bid_idx` ON `moderations` (`bid_id`,`criterion_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "people_role_known" CHECK("people"."role" IN ('policy_officer', 'lead_officer', 'board_member', 'commissioner'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_name_unique` ON `people` (lower("name"));--> statement-breakpoint
CREATE TABLE `scale_descriptors` (
	`framework_id` integer NOT NULL,
	`score` integer NOT NULL,
	`descriptor` text NOT NULL,
	PRIMARY KEY(`framework_id`, `score`),
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `score_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer,
	`justification` text NOT NULL,
	`submitted` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `score_history_bid_idx` ON `score_history` (`bid_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `scores` (
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer,
	`justification` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`bid_id`, `person_id`, `criterion_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scores_criterion_idx` ON `scores` (`criterion_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`submitted_at` text NOT NULL,
	PRIMARY KEY(`bid_id`, `person_id`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
