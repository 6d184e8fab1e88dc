CREATE TABLE `feedback_summaries` (
	`bid_id` integer NOT NULL,
	`criterion_code` text NOT NULL,
	`text` text NOT NULL,
	`written_by` integer,
	`written_at` text NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	PRIMARY KEY(`bid_id`, `criterion_code`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`written_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
