ALTER TABLE `allocation_items` ADD `crime_reduction` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `notices` ADD `executive_summary` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `background` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `board_name` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `board_date` text;--> statement-breakpoint
ALTER TABLE `partnerships` ADD `office` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written: until now a partnership with an area was taken to be one of the office's own (the
-- notice named those without a bid), so existing databases keep that list as their starting point.
UPDATE `partnerships` SET `office` = 1 WHERE `area` IS NOT NULL;
