CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`by_user_id` integer,
	`at_ms` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `sync_commands` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`result_json` text,
	`reason` text,
	`applied_at_ms` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `sync_devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_commands_device_seq_uq` ON `sync_commands` (`device_id`,`seq`);--> statement-breakpoint
CREATE TABLE `sync_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`created_at_ms` integer NOT NULL,
	`last_seen_at_ms` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_devices_user_idx` ON `sync_devices` (`user_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_tombstones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`account_id` integer NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_tombstones_account_version_idx` ON `sync_tombstones` (`account_id`,`version`);--> statement-breakpoint
CREATE TABLE `tariff_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`tariff_class` text NOT NULL,
	`effective_from` text NOT NULL,
	`blocks_json` text NOT NULL,
	`published_at_ms` integer NOT NULL,
	`published_by_user_id` integer,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tariff_versions_class_from_uq` ON `tariff_versions` (`tariff_class`,`effective_from`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `readings` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `readings_meter_version_idx` ON `readings` (`meter_id`,`version`);--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `ledger_account_version_idx` ON `ledger_entries` (`account_id`,`version`);--> statement-breakpoint
ALTER TABLE `charges` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `charges_account_version_idx` ON `charges` (`account_id`,`version`);--> statement-breakpoint
ALTER TABLE `service_requests` ADD `reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `service_requests` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_account_version_idx` ON `service_requests` (`account_id`,`version`);--> statement-breakpoint
CREATE INDEX `requests_account_kind_status_idx` ON `service_requests` (`account_id`,`kind`,`status`);