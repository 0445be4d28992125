// Shared by the server's tRPC route and the app's client; imports nothing, so that the client's
// first page does not pull in zod for two constants.

/**
 * Procedures that check a password or send one by SMS. The server refuses them inside a batch, so that the attempt
 * limits see each guess as its own request; the app's client sends them unbatched.
 */
export const CREDENTIAL_PROCEDURES: readonly string[] = [
	'auth.signIn',
	'accounts.link',
	'auth.requestPasswordReset'
];

/** Calls one HTTP request may batch; the client's `maxItems` stays at or below it. */
export const MAX_BATCH_SIZE = 10;
