CREATE TABLE `person_keys` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`sealed_private_key` text NOT NULL,
	`salt` text NOT NULL,
	`nonce` text NOT NULL,
	`kdf` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
ALTER TABLE `notices` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `signer_public_key` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `signer_key_fingerprint` text;