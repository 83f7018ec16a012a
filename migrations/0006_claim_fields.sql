ALTER TABLE `requests` ADD `context` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `end_to_end_id` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `payer_ref` text;--> statement-breakpoint
CREATE INDEX `requests_destination_e2e_idx` ON `requests` (`destination_id`,`end_to_end_id`,`created_at`,`id`);