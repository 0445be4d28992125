CREATE TABLE `oson_invoices` (
	`order_id` text PRIMARY KEY NOT NULL,
	`pay_url` text NOT NULL,
	`status` text NOT NULL,
	`bill_id` text,
	`created_at_ms` integer NOT NULL,
	`polled_at_ms` integer,
	FOREIGN KEY (`order_id`) REFERENCES `payment_orders`(`id`) ON UPDATE no action ON DELETE no action
);
