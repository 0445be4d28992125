CREATE TABLE `sms_inbound` (
	`gateway_id` text PRIMARY KEY NOT NULL,
	`from_masked` text NOT NULL,
	`received_at_ms` integer NOT NULL,
	`outcome` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_phone` text NOT NULL,
	`kind` text NOT NULL,
	`text` text,
	`log_text` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at_ms` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`sent_at_ms` integer,
	`last_error` text,
	`gateway_id` text,
	`user_id` integer
);
--> statement-breakpoint
CREATE INDEX `sms_messages_due_idx` ON `sms_messages` (`status`,`next_attempt_at_ms`);--> statement-breakpoint
CREATE INDEX `sms_messages_phone_idx` ON `sms_messages` (`to_phone`,`created_at_ms`);--> statement-breakpoint
ALTER TABLE `users` ADD `pending_password_hash` text;--> statement-breakpoint
ALTER TABLE `users` ADD `pending_password_expires_at_ms` integer;