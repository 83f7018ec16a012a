CREATE TABLE `request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`destination_id` text NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`data` text,
	`at` integer NOT NULL,
	`sequence` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`sequence`);--> statement-breakpoint
ALTER TABLE `requests` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `status_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-added data step: outgoing requests now start awaiting the recipient's approval (the contract's lifecycle).
UPDATE `requests` SET `status` = 'pending_approval' WHERE `direction` = 'outgoing' AND `status` = 'pending';
