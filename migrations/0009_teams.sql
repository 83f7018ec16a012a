CREATE TABLE `destination_members` (
	`destination_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`destination_id`, `user_id`),
	FOREIGN KEY (`destination_id`) REFERENCES `destinations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `destination_members_user_idx` ON `destination_members` (`user_id`,`destination_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`destination_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` text,
	FOREIGN KEY (`destination_id`) REFERENCES `destinations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_destination_idx` ON `invitations` (`destination_id`,`created_at`);--> statement-breakpoint
-- hand-written: every existing destination's creator (its claimer, once claimed) becomes its owner
-- (WHERE true: SQLite would read ON CONFLICT after a bare FROM as a join constraint).
INSERT INTO `destination_members` (`destination_id`, `user_id`, `role`, `added_at`)
  SELECT `id`, `user_id`, 'owner', COALESCE(`claimed_at`, `created_at`) FROM `destinations` WHERE true
  ON CONFLICT DO NOTHING;
