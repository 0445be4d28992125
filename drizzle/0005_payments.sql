CREATE TABLE `payment_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`operator` text NOT NULL,
	`amount_tiyin` integer NOT NULL,
	`status` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`paid_at_ms` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_orders_account_idx` ON `payment_orders` (`account_id`);--> statement-breakpoint
CREATE TABLE `payment_transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operator` text NOT NULL,
	`operator_tx_id` text NOT NULL,
	`account_id` integer NOT NULL,
	`order_id` text,
	`amount_tiyin` integer NOT NULL,
	`state` integer NOT NULL,
	`reason` integer,
	`operator_time_ms` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`performed_at_ms` integer,
	`cancelled_at_ms` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `payment_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_tx_operator_uq` ON `payment_transactions` (`operator`,`operator_tx_id`);--> statement-breakpoint
CREATE INDEX `payment_tx_order_idx` ON `payment_transactions` (`order_id`);--> statement-breakpoint
CREATE INDEX `payment_tx_operator_time_idx` ON `payment_transactions` (`operator`,`operator_time_ms`);