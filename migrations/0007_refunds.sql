CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`destination_id` text NOT NULL,
	`request_id` text NOT NULL,
	`amount_minor` text NOT NULL,
	`decimals` integer NOT NULL,
	`chain_id` integer,
	`tx_hash` text,
	`log_index` integer,
	`to_address` text,
	`note` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `refunds_request_idx` ON `refunds` (`request_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `requests` ADD `refunded_minor` text DEFAULT '0' NOT NULL;