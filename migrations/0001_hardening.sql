DROP TABLE `login_failures`;--> statement-breakpoint
ALTER TABLE `destinations` ADD `token_symbol` text;--> statement-breakpoint
ALTER TABLE `destinations` ADD `token_decimals` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `decimals` integer;--> statement-breakpoint
CREATE INDEX `sessions_expiry_idx` ON `sessions` (`expires_at`);