import type { Db } from '../../../src/lib/server/db';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { handleTrpcRequest } from '../../../src/lib/server/trpc/http';
import { LiveHub } from '../../../src/lib/server/sync/live';
import { FIXED_NOW, recordingJar } from './testDb';

export interface TrpcAnswer {
	status: number;
	/** One entry per call (a batch answers with an array, a single call with one object). */
	results: Array<{
		result?: { data: unknown };
		error?: { message: string; data: { code: string } };
	}>;
	sessionsSet: number;
}

/**
 * One request through the tRPC route's own handler (batching, maxBatchSize and all), as `user`
 * from `address`. `calls` become `path1,path2?batch=1` with inputs keyed by position.
 */
export async function trpcHttp(
	db: Db,
	calls: Array<{ path: string; input?: unknown }>,
	opts: {
		user?: SessionUser | null;
		address?: string;
		method?: 'GET' | 'POST';
		live?: LiveHub;
		now?: () => number;
	} = {}
): Promise<TrpcAnswer> {
	const jar = recordingJar();
	const batch = calls.length > 1;
	const path = calls.map((c) => c.path).join(',');
	const inputs = batch
		? Object.fromEntries(calls.map((c, i) => [i, c.input]))
		: (calls[0].input ?? undefined);
	const method = opts.method ?? 'POST';
	const url = new URL(`http://localhost/api/trpc/${path}`);
	if (batch) url.searchParams.set('batch', '1');
	if (method === 'GET' && inputs !== undefined)
		url.searchParams.set('input', JSON.stringify(inputs));
	const req = new Request(url, {
		method,
		headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
		body: method === 'POST' && inputs !== undefined ? JSON.stringify(inputs) : undefined
	});
	const res = await handleTrpcRequest(req, () => ({
		db,
		user: opts.user ?? null,
		session: jar,
		now: opts.now ?? (() => FIXED_NOW),
		live: opts.live ?? new LiveHub(),
		clientAddress: opts.address ?? '203.0.113.7'
	}));
	const body = (await res.json()) as TrpcAnswer['results'] | TrpcAnswer['results'][number];
	return {
		status: res.status,
		results: Array.isArray(body) ? body : [body],
		sessionsSet: jar.calls.filter((c) => c === 'set').length
	};
}
