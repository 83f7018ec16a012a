DROP INDEX `payments_log_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_destination_log_unique` ON `payments` (`destination_id`,`chain_id`,`tx_hash`,`log_index`);