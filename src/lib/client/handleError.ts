import { fieldMessageKeys } from '$lib/domain/validation';
import { TRPCClientError } from '@trpc/client';
import { isMessageKey, type MessageKey } from '$lib/i18n/index.svelte';

export interface ReadableError {
	message: MessageKey;
	/** Per input field, the message to show beside it. */
	fields: Record<string, MessageKey>;
	/** The server said the session is gone. */
	signedOut: boolean;
	/** A limit said when it lifts. */
	retryAtMs?: number;
}

/**
 * Every error shown to a person passes here: server message keys are kept, a failed fetch is
 * "no connection", anything else a generic server message. Nothing is swallowed: the caller
 * always gets something to show.
 */
export function readableError(error: unknown): ReadableError {
	if (error instanceof TRPCClientError) {
		const data = error.data as
			{ code?: string; fields?: Record<string, string>; retryAtMs?: number } | undefined;
		const fields: Record<string, MessageKey> = {};
		for (const [k, v] of Object.entries(data?.fields ?? {})) if (isMessageKey(v)) fields[k] = v;
		if (!data) return { message: 'error.network', fields, signedOut: false };
		return {
			message: isMessageKey(error.message) ? error.message : 'error.server',
			fields,
			signedOut: data.code === 'UNAUTHORIZED' && error.message === 'error.signed_out',
			...(typeof data.retryAtMs === 'number' ? { retryAtMs: data.retryAtMs } : {})
		};
	}
	if (error instanceof TypeError) return { message: 'error.network', fields: {}, signedOut: false };
	if (error instanceof DOMException && error.name === 'TimeoutError')
		return { message: 'error.timeout', fields: {}, signedOut: false };
	console.error(error);
	return { message: 'error.server', fields: {}, signedOut: false };
}

/**
 * The first message for each field of a refused form, from a zod parse's issues (checked on the
 * phone with the server's own schema): keyed by the field's top-level name, a message key when
 * the schema gave one, else the generic "check this field".
 */
export function fieldErrorsOf(
	issues: readonly { path: readonly PropertyKey[]; message: string }[]
): Record<string, MessageKey> {
	const fields = fieldMessageKeys(issues, (path) => String(path[0] ?? ''));
	return Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [
			field,
			isMessageKey(key) ? key : 'error.invalid_input'
		])
	);
}
