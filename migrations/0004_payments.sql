CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`destination_id` text NOT NULL,
	`request_id` text,
	`chain_id` integer,
	`tx_hash` text,
	`log_index` integer,
	`from_address` text,
	`amount_minor` text NOT NULL,
	`decimals` integer NOT NULL,
	`block_number` integer,
	`status` text NOT NULL,
	`declared` integer DEFAULT false NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_log_unique` ON `payments` (`chain_id`,`tx_hash`,`log_index`);--> statement-breakpoint
CREATE INDEX `payments_request_idx` ON `payments` (`request_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_destination_idx` ON `payments` (`destination_id`,`request_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `requests` ADD `amount_paid_minor` text DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `paid_late` integer DEFAULT false NOT NULL;