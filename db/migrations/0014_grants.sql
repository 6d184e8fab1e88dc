CREATE TABLE `grant_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`period` text NOT NULL,
	`financial_year` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`match_pence` integer,
	`status` text DEFAULT 'recorded' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`approved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "grant_claims_amount_positive" CHECK("grant_claims"."amount_pence" > 0),
	CONSTRAINT "grant_claims_match_not_negative" CHECK("grant_claims"."match_pence" IS NULL OR "grant_claims"."match_pence" >= 0)
);
--> statement-breakpoint
CREATE INDEX `grant_claims_grant_idx` ON `grant_claims` (`grant_id`);--> statement-breakpoint
CREATE TABLE `grant_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`received_on` text NOT NULL,
	`spend_to_date_pence` integer NOT NULL,
	`outputs` text NOT NULL,
	`outcomes` text NOT NULL,
	`risks` text NOT NULL,
	`narrative` text NOT NULL,
	`rag` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grant_returns_due_unique` ON `grant_returns` (`grant_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `grant_variations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grant_id` integer NOT NULL,
	`from_pence` integer NOT NULL,
	`to_pence` integer NOT NULL,
	`reason` text NOT NULL,
	`person_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `grant_years` (
	`grant_id` integer NOT NULL,
	`financial_year` text NOT NULL,
	`allocation_pence` integer NOT NULL,
	PRIMARY KEY(`grant_id`, `financial_year`),
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "grant_years_allocation_not_negative" CHECK("grant_years"."allocation_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE `grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`notice_id` integer,
	`awarded_pence` integer NOT NULL,
	`awarded_on` text NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'agreement_drafted' NOT NULL,
	`bank_confirmed` integer DEFAULT false NOT NULL,
	`accountable_body` text,
	`conflicts` text,
	`fraud_risk` text,
	`fraud_reason` text,
	`diligence_by` integer,
	`diligence_at` text,
	`recipient_signed_by` text,
	`recipient_signed_on` text,
	`office_signed_by` integer,
	`office_signed_on` text,
	`final_report` text,
	`closed_on` text,
	`clawback_pence` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`diligence_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`office_signed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "grants_awarded_positive" CHECK("grants"."awarded_pence" > 0),
	CONSTRAINT "grants_status_known" CHECK("grants"."status" IN ('agreement_drafted', 'agreement_signed', 'in_delivery', 'closed', 'clawed_back'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grants_bid_unique` ON `grants` (`bid_id`);--> statement-breakpoint
CREATE INDEX `grants_round_idx` ON `grants` (`round_id`);--> statement-breakpoint
-- Written by hand: rounds already signed get a grant for every award of their signed notice, as a
-- notice signed from now on does at signing (electron/handlers/grants/create.ts). Copies received
-- in packs are left alone: delivery is the office's.
INSERT INTO `grants` (`round_id`, `bid_id`, `notice_id`, `awarded_pence`, `awarded_on`, `conditions`, `created_at`, `updated_at`)
SELECT a.`round_id`, a.`bid_id`, n.`id`, a.`amount_pence`, coalesce(n.`signed_on`, substr(n.`updated_at`, 1, 10)),
  a.`conditions`, n.`updated_at`, n.`updated_at`
FROM `allocation_items` a
JOIN `rounds` r ON r.`id` = a.`round_id`
JOIN `notices` n ON n.`id` = (
  SELECT max(s.`id`) FROM `notices` s WHERE s.`round_id` = a.`round_id` AND s.`status` = 'signed'
)
WHERE r.`stage` = 'signed' AND r.`copy_of` IS NULL;
