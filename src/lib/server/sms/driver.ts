/** One way of handing an SMS to the network: the file (demo) or Eskiz.uz (production). */
export interface SmsDriver {
	readonly name: string;
	/** Resolves once the gateway took the message; throws SmsSendError when it did not. */
	send(toPhone: string, text: string): Promise<{ gatewayId?: string }>;
}

/**
 * The gateway did not take a message. `retryable`: it may later (down, overloaded, a network
 * error, a token that could not be renewed just now); otherwise it refused this message for good.
 */
export class SmsSendError extends Error {
	override readonly name = 'SmsSendError';
	constructor(
		message: string,
		readonly retryable: boolean
	) {
		super(message);
	}
}

/** A setting is missing or wrong: said at start-up, and kept on each waiting message. */
export class SmsConfigError extends Error {
	override readonly name = 'SmsConfigError';
}
