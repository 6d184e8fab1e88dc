CREATE TABLE `declaration_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`conflict` integer NOT NULL,
	`nature` text,
	`reason` text,
	`recorded_by` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `declaration_history_bid_idx` ON `declaration_history` (`bid_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `reopenings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`submitted_at` text NOT NULL,
	`reason` text NOT NULL,
	`reopened_by` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reopened_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reopenings_bid_idx` ON `reopenings` (`bid_id`,`person_id`);--> statement-breakpoint
ALTER TABLE `criteria` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `stage` text DEFAULT 'setup' NOT NULL;--> statement-breakpoint
-- HAND-WRITTEN DATA MOVE (keep when regenerating): each existing round gets the stage its record
-- shows it has reached. The newest notice signed: signed; any notice otherwise (a draft, one ready
-- for sign-off, or a superseding draft): decision; an allocation, board views or a shortlist rule:
-- board; declarations or scores: assessment; bids: open; nothing yet: setup.
UPDATE `rounds` SET `stage` = CASE
  WHEN (SELECT `status` FROM `notices` n WHERE n.`round_id` = `rounds`.`id` ORDER BY n.`id` DESC LIMIT 1) = 'signed'
    THEN 'signed'
  WHEN EXISTS (SELECT 1 FROM `notices` n WHERE n.`round_id` = `rounds`.`id`) THEN 'decision'
  WHEN EXISTS (SELECT 1 FROM `allocation_items` a WHERE a.`round_id` = `rounds`.`id`)
    OR EXISTS (SELECT 1 FROM `shortlist_rules` s WHERE s.`round_id` = `rounds`.`id`)
    OR EXISTS (SELECT 1 FROM `board_views` v JOIN `bids` b ON b.`id` = v.`bid_id` WHERE b.`round_id` = `rounds`.`id`)
    THEN 'board'
  WHEN EXISTS (SELECT 1 FROM `declarations` d JOIN `bids` b ON b.`id` = d.`bid_id` WHERE b.`round_id` = `rounds`.`id`)
    OR EXISTS (SELECT 1 FROM `scores` s JOIN `bids` b ON b.`id` = s.`bid_id` WHERE b.`round_id` = `rounds`.`id`)
    THEN 'assessment'
  WHEN EXISTS (SELECT 1 FROM `bids` b WHERE b.`round_id` = `rounds`.`id`) THEN 'open'
  ELSE 'setup'
END;
--> statement-breakpoint
-- HAND-WRITTEN DATA MOVE (keep when regenerating): the declarations already made start their
-- history, so that every later change is a new version beside them.
INSERT INTO `declaration_history` (`bid_id`, `person_id`, `conflict`, `nature`, `reason`, `recorded_by`, `at`)
  SELECT `bid_id`, `person_id`, `conflict`, `nature`, NULL, `person_id`, `declared_at` FROM `declarations`;
