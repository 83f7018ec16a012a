CREATE TABLE `client_credentials` (
	`client_id` text PRIMARY KEY NOT NULL,
	`destination_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`previous_secret_hash` text,
	`previous_secret_until` integer,
	`status` text NOT NULL,
	`permissions` text NOT NULL,
	`expires_at` integer,
	`version` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `requests_destination_direction_idx`;--> statement-breakpoint
DROP INDEX `requests_destination_e2e_idx`;--> statement-breakpoint
CREATE INDEX `requests_destination_e2e_idx` ON `requests` (`destination_id`,`end_to_end_id`,`created_at`,`id`) WHERE "requests"."end_to_end_id" IS NOT NULL;