import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './root';
import type { Context } from './context';
import { CREDENTIAL_PROCEDURES, MAX_BATCH_SIZE } from '../../domain/batching';

// A batch of 150 pulls once built a 9 MB answer and stalled everyone else, and a batch of 1,001
// sign-ins checked 1,000 passwords in one request: batches are capped, and a password check
// must come alone so that the attempt limits (which count before they check) see each guess.

function credentialBatch(url: URL): boolean {
	if (url.searchParams.get('batch') !== '1') return false;
	let paths: string[];
	try {
		paths = decodeURIComponent(url.pathname.replace(/^\/api\/trpc\/?/, '')).split(',');
	} catch {
		return true; // not a path anyone's client sends: refused like a batch of guesses
	}
	return paths.length > 1 && paths.some((path) => CREDENTIAL_PROCEDURES.includes(path));
}

/** Answers one tRPC HTTP request (the route's whole body; tests call it with their own context). */
export function handleTrpcRequest(req: Request, createContext: () => Context): Promise<Response> {
	return fetchRequestHandler({
		endpoint: '/api/trpc',
		req,
		router: appRouter,
		maxBatchSize: MAX_BATCH_SIZE,
		createContext: () => {
			if (credentialBatch(new URL(req.url)))
				throw new TRPCError({ code: 'BAD_REQUEST', message: 'error.invalid_input' });
			return createContext();
		}
	});
}
