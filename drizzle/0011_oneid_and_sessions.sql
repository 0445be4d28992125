CREATE TABLE `oneid_states` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `accounts` ADD `holder_pinfl` text;--> statement-breakpoint
CREATE INDEX `accounts_holder_pinfl_idx` ON `accounts` (`holder_pinfl`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `pinfl` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_pinfl_uq` ON `users` (`pinfl`);