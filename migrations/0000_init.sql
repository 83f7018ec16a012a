CREATE TABLE `destinations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`label` text,
	`chain_id` integer NOT NULL,
	`wallet_address` text NOT NULL,
	`token_address` text NOT NULL,
	`status` text NOT NULL,
	`claim_challenge` text,
	`claim_challenge_expires_at` integer,
	`claimed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `destinations_user_idx` ON `destinations` (`user_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `destinations_claimed_unique` ON `destinations` (`chain_id`,`wallet_address`,`token_address`) WHERE status = 'claimed';--> statement-breakpoint
CREATE UNIQUE INDEX `destinations_user_target_unique` ON `destinations` (`user_id`,`chain_id`,`wallet_address`,`token_address`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`email` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payment_links` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`request_id` text NOT NULL,
	`destination_id` text NOT NULL,
	`created_by_client_id` text,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_links_token_hash_unique` ON `payment_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `payment_links_request_idx` ON `payment_links` (`request_id`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`destination_id` text NOT NULL,
	`direction` text NOT NULL,
	`amount_minor` text NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`created_by_type` text NOT NULL,
	`created_by_client_id` text,
	`created_by_client_name` text,
	`reference` text,
	`payer` text,
	`payee` text,
	`due_date` text,
	`metadata` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `requests_destination_idx` ON `requests` (`destination_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `requests_destination_direction_idx` ON `requests` (`destination_id`,`direction`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `requests_destination_status_idx` ON `requests` (`destination_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `requests_destination_creator_idx` ON `requests` (`destination_id`,`created_by_client_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);