CREATE TABLE `inspection_results` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`inspector_user_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`recorded_at_ms` integer NOT NULL,
	`received_at_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`review_reason` text,
	`conflict_detail` text,
	`reviewed_by_user_id` integer,
	`reviewed_at_ms` integer,
	`review_note` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_results_order_idx` ON `inspection_results` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `inspection_results_outcome_idx` ON `inspection_results` (`outcome`,`reviewed_at_ms`);--> statement-breakpoint
CREATE TABLE `photos` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size_bytes` integer NOT NULL,
	`mime_type` text NOT NULL,
	`received_bytes` integer DEFAULT 0 NOT NULL,
	`complete` integer DEFAULT false NOT NULL,
	`uploaded_by_user_id` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`completed_at_ms` integer,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `photos_uploader_idx` ON `photos` (`uploaded_by_user_id`);--> statement-breakpoint
CREATE TABLE `result_photos` (
	`result_id` text NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`result_id`, `sha256`),
	FOREIGN KEY (`result_id`) REFERENCES `inspection_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `seals` (
	`number` text PRIMARY KEY NOT NULL,
	`meter_id` integer NOT NULL,
	`result_id` text,
	`installed_at_ms` integer NOT NULL,
	`removed_at_ms` integer,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `inspection_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seals_meter_idx` ON `seals` (`meter_id`);--> statement-breakpoint
CREATE TABLE `staff_districts` (
	`user_id` integer NOT NULL,
	`district_soato` text NOT NULL,
	PRIMARY KEY(`user_id`, `district_soato`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`district_soato`) REFERENCES `districts`(`soato`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_districts_district_idx` ON `staff_districts` (`district_soato`);--> statement-breakpoint
CREATE TABLE `work_order_assignees` (
	`work_order_id` text NOT NULL,
	`inspector_user_id` integer NOT NULL,
	`assigned_at_ms` integer NOT NULL,
	`unassigned_at_ms` integer,
	PRIMARY KEY(`work_order_id`, `inspector_user_id`),
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_assignees_inspector_idx` ON `work_order_assignees` (`inspector_user_id`);--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text,
	`account_id` integer NOT NULL,
	`meter_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`inspector_user_id` integer NOT NULL,
	`scheduled_date` text,
	`note` text DEFAULT '' NOT NULL,
	`created_by_user_id` integer,
	`created_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_orders_inspector_idx` ON `work_orders` (`inspector_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `work_orders_account_idx` ON `work_orders` (`account_id`);--> statement-breakpoint
CREATE INDEX `work_orders_request_idx` ON `work_orders` (`request_id`);--> statement-breakpoint
CREATE INDEX `work_orders_version_idx` ON `work_orders` (`version`);