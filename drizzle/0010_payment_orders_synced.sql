ALTER TABLE `payment_orders` ADD `closed_at_ms` integer;--> statement-breakpoint
ALTER TABLE `payment_orders` ADD `receipt_operator_tx_id` text;--> statement-breakpoint
ALTER TABLE `payment_orders` ADD `receipt_account_number` text;--> statement-breakpoint
ALTER TABLE `payment_orders` ADD `receipt_balance_after_tiyin` integer;--> statement-breakpoint
ALTER TABLE `payment_orders` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `payment_orders_account_version_idx` ON `payment_orders` (`account_id`,`version`);