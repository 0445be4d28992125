import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * What a domain error means to a caller, by code: the tRPC error code (and so the HTTP status)
 * it answers with, and whether a sync command that meets it is recorded as refused (the queue
 * moves on) rather than failing the whole push. One table for tRPC and sync.push alike.
 */
export const DOMAIN_ERRORS = {
	invalid_credentials: { trpc: 'UNAUTHORIZED', http: 401, refusesCommand: false },
	too_many_attempts: { trpc: 'TOO_MANY_REQUESTS', http: 429, refusesCommand: false },
	account_forbidden: { trpc: 'FORBIDDEN', http: 403, refusesCommand: true },
	device_forbidden: { trpc: 'FORBIDDEN', http: 403, refusesCommand: false },
	business_rule: { trpc: 'CONFLICT', http: 409, refusesCommand: true },
	bad_request: { trpc: 'BAD_REQUEST', http: 400, refusesCommand: false }
} as const satisfies Record<
	string,
	{ trpc: TRPC_ERROR_CODE_KEY; http: number; refusesCommand: boolean }
>;
export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/**
 * A service said no, for a reason the person can read: `reason` is an i18n key ('error.*'),
 * shown in their own language.
 */
export class DomainError extends Error {
	constructor(
		readonly code: DomainErrorCode,
		readonly reason: string
	) {
		super(reason);
	}
}

/**
 * A business rule said no: through sync it becomes a refused command, through tRPC a CONFLICT
 * error.
 */
export class BusinessRuleError extends DomainError {
	constructor(reason: string) {
		super('business_rule', reason);
	}
}

/** The reason a sync command is refused with, or null when the error must fail the push. */
export function refusalReason(error: unknown): string | null {
	return error instanceof DomainError && DOMAIN_ERRORS[error.code].refusesCommand
		? error.reason
		: null;
}
