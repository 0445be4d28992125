CREATE TABLE `suspect_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meter_id` integer NOT NULL,
	`date` text NOT NULL,
	`value_wh` integer NOT NULL,
	`source` text NOT NULL,
	`reason` text NOT NULL,
	`detail` text NOT NULL,
	`received_at_ms` integer NOT NULL,
	`status` text DEFAULT 'held' NOT NULL,
	`applied_value_wh` integer,
	`resolved_by_user_id` integer,
	`resolved_at_ms` integer,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suspect_readings_status_idx` ON `suspect_readings` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `suspect_readings_meter_date_idx` ON `suspect_readings` (`meter_id`,`date`);