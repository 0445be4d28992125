import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';
import type { Role } from '../../domain/auth';
import { MIN_CLIENT_PROTOCOL } from '../../domain/sync/protocol';
import { DOMAIN_ERRORS, DomainError } from '../services/errors';
import { fieldMessageKeys } from '../../domain/validation';

// Error messages are i18n keys ('error.*'); `fields` maps each bad input field to its key, so
// the client can show every problem beside its field in the person's language.
const t = initTRPC.context<Context>().create({
	errorFormatter({ shape, error }) {
		const cause = error.cause;
		const fields = cause instanceof ZodError ? fieldMessageKeys(cause.issues) : {};
		const message = cause instanceof ZodError ? 'error.invalid_input' : shape.message;
		// A limit that knows when it lifts says so ("try again at 14:05").
		const retryAtMs =
			cause instanceof DomainError && 'retryAtMs' in cause ? Number(cause.retryAtMs) : undefined;
		return { ...shape, message, data: { ...shape.data, stack: undefined, fields, retryAtMs } };
	}
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns the services' domain errors into tRPC errors with a translatable message. */
const domainErrors = t.middleware(async ({ next }) => {
	const result = await next();
	if (!result.ok) {
		const cause = result.error.cause;
		if (cause instanceof DomainError)
			throw new TRPCError({ code: DOMAIN_ERRORS[cause.code].trpc, message: cause.reason, cause });
	}
	return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
	if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'error.signed_out' });
	return next({ ctx: { ...ctx, user: ctx.user } });
});

export function roleProcedure(...roles: Role[]) {
	return authedProcedure.use(({ ctx, next }) => {
		if (!roles.includes(ctx.user.role))
			throw new TRPCError({ code: 'FORBIDDEN', message: 'error.forbidden' });
		return next();
	});
}

export const residentProcedure = roleProcedure('resident');
/** The back office: operators (scoped to their districts by the services) and admins. */
export const operatorProcedure = roleProcedure('operator', 'admin');
/** The field: inspectors, who reach only the work assigned to them. */
export const inspectorProcedure = roleProcedure('inspector');

/** Refuses clients whose sync protocol the server no longer speaks; they keep their outbox. */
export const syncProcedure = authedProcedure.use(async ({ getRawInput, next }) => {
	const protocol = ((await getRawInput()) as { protocol?: unknown } | undefined)?.protocol;
	if (typeof protocol === 'number' && protocol < MIN_CLIENT_PROTOCOL)
		throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'error.update_required' });
	return next();
});
