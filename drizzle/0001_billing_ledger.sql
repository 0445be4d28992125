CREATE TABLE `reading_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reading_id` integer NOT NULL,
	`old_value_wh` integer NOT NULL,
	`new_value_wh` integer NOT NULL,
	`old_source` text NOT NULL,
	`source` text NOT NULL,
	`corrected_at_ms` integer NOT NULL,
	FOREIGN KEY (`reading_id`) REFERENCES `readings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reading_corrections_reading_idx` ON `reading_corrections` (`reading_id`);--> statement-breakpoint
CREATE TABLE `charges` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`month` text NOT NULL,
	`revision` integer NOT NULL,
	`usage_wh` integer NOT NULL,
	`amount_tiyin` integer NOT NULL,
	`estimated` integer NOT NULL,
	`lines_json` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charges_account_month_revision_uq` ON `charges` (`account_id`,`month`,`revision`);