CREATE TABLE `payment_operator_keys` (
	`operator` text PRIMARY KEY NOT NULL,
	`key_sha256` text NOT NULL,
	`changed_at_ms` integer NOT NULL
);
