ALTER TABLE `enrolment_codes` ADD `code_public_key` text;--> statement-breakpoint
ALTER TABLE `enrolment_codes` ADD `proof` text;--> statement-breakpoint
ALTER TABLE `enrolment_codes` DROP COLUMN `code_hash`;