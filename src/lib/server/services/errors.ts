/**
 * A business rule said no. `reason` is an i18n key ('error.*') the person reads in their own
 * language; through sync it becomes a refused command, through tRPC a CONFLICT error.
 */
export class BusinessRuleError extends Error {
	constructor(readonly reason: string) {
		super(reason);
	}
}
