CREATE TABLE `districts` (
	`soato` text PRIMARY KEY NOT NULL,
	`region_soato` text NOT NULL,
	`kind` text NOT NULL,
	`name_uz` text NOT NULL,
	`name_uz_cyrl` text NOT NULL,
	`name_ru` text NOT NULL,
	FOREIGN KEY (`region_soato`) REFERENCES `regions`(`soato`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `districts_region_idx` ON `districts` (`region_soato`);--> statement-breakpoint
CREATE TABLE `regions` (
	`soato` text PRIMARY KEY NOT NULL,
	`name_uz` text NOT NULL,
	`name_uz_cyrl` text NOT NULL,
	`name_ru` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`district_soato` text NOT NULL,
	`holder_name` text NOT NULL,
	`address` text NOT NULL,
	`phone` text NOT NULL,
	`tariff_class` text NOT NULL,
	`balance_tiyin` integer DEFAULT 0 NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`district_soato`) REFERENCES `districts`(`soato`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_number_uq` ON `accounts` (`number`);--> statement-breakpoint
CREATE INDEX `accounts_district_idx` ON `accounts` (`district_soato`);--> statement-breakpoint
CREATE TABLE `meters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`serial` text NOT NULL,
	`type` text NOT NULL,
	`seal_number` text,
	`installed_on` text NOT NULL,
	`removed_on` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meters_serial_uq` ON `meters` (`serial`);--> statement-breakpoint
CREATE INDEX `meters_account_idx` ON `meters` (`account_id`);--> statement-breakpoint
CREATE TABLE `user_accounts` (
	`user_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`role` text DEFAULT 'owner' NOT NULL,
	`created_at_ms` integer NOT NULL,
	PRIMARY KEY(`user_id`, `account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_accounts_account_idx` ON `user_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meter_id` integer NOT NULL,
	`date` text NOT NULL,
	`value_wh` integer NOT NULL,
	`source` text NOT NULL,
	`estimated` integer DEFAULT false NOT NULL,
	`received_at_ms` integer NOT NULL,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `readings_meter_date_uq` ON `readings` (`meter_id`,`date`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_tiyin` integer NOT NULL,
	`date` text NOT NULL,
	`source_ref` text NOT NULL,
	`operator` text,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_account_date_idx` ON `ledger_entries` (`account_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_source_uq` ON `ledger_entries` (`account_id`,`source_ref`);--> statement-breakpoint
CREATE TABLE `service_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`contact_phone` text,
	`preferred_date` text,
	`status_reason` text,
	`created_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_account_idx` ON `service_requests` (`account_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`expires_at_ms` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`phone` text,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_uq` ON `users` (lower("login"));