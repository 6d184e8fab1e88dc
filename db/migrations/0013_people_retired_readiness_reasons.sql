ALTER TABLE `notices` ADD `sent_reason` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `signed_reason` text;--> statement-breakpoint
ALTER TABLE `people` ADD `retired_at` text;