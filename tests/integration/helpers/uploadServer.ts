/**
 * The uploads endpoints' real handlers behind the real hook (session cookie → locals.user, the
 * cross-site check, security headers), mounted in a node:http server on a free port: a phone's
 * fetch, or a raw socket that breaks mid-chunk, reaches them as it would the built app. Requires
 * DATA_DIR set to the test's database folder before the first request (getDb opens it).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { handle } from '../../../src/hooks.server';
import * as collection from '../../../src/routes/api/uploads/+server';
import * as single from '../../../src/routes/api/uploads/[sha256]/+server';

type Handler = (event: unknown) => Response | Promise<Response>;

function route(method: string, pathname: string): { handler?: Handler; params: object } {
	const one = /^\/api\/uploads\/([^/]+)$/.exec(pathname);
	const module: Record<string, unknown> | null =
		pathname === '/api/uploads' ? collection : one ? single : null;
	const handler = module?.[method] as Handler | undefined;
	return { handler, params: one ? { sha256: one[1] } : {} };
}

function parseCookies(header: string | undefined): Map<string, string> {
	const jar = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at > 0) jar.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
	}
	return jar;
}

function toRequest(req: IncomingMessage, url: URL): Request {
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers))
		if (typeof value === 'string') headers.set(name, value);
		else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
	const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
	return new Request(url, {
		method: req.method,
		headers,
		body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
		// @ts-expect-error Node's fetch needs it for a streamed body; the DOM types lack it.
		duplex: 'half'
	});
}

async function answer(res: ServerResponse, response: Response, head: boolean) {
	res.statusCode = response.status;
	response.headers.forEach((value, name) => res.setHeader(name, value));
	if (head || !response.body) return res.end();
	Readable.fromWeb(response.body as unknown as NodeReadableStream).pipe(res);
}

export async function startUploadServer() {
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
		const request = toRequest(req, url);
		const cookies = parseCookies(req.headers.cookie);
		const event = {
			request,
			url,
			params: {},
			locals: {},
			getClientAddress: () => '127.0.0.1',
			cookies: {
				get: (name: string) => cookies.get(name),
				set: () => {},
				delete: () => {}
			}
		};
		void (async () => {
			try {
				const response = await handle({
					event,
					resolve: async (e: typeof event) => {
						// HEAD falls back to GET in SvelteKit when no HEAD is exported; ours has one.
						const { handler, params } = route(req.method ?? 'GET', url.pathname);
						if (!handler) return new Response('Not found', { status: 404 });
						return handler({ ...e, params });
					}
				} as unknown as Parameters<typeof handle>[0]);
				await answer(res, response, req.method === 'HEAD');
			} catch (error) {
				res.statusCode = 500;
				res.end(String(error));
			}
		})();
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as { port: number };
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		port,
		async stop() {
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		}
	};
}
