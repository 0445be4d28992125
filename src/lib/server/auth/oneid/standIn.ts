import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import {
	GRANT,
	ONEID_PATH,
	RESPONSE_TYPE,
	type OneIdErrorAnswer,
	type OneIdPersonAnswer
} from './protocol';

// A local OneID that speaks the protocol of protocol.ts, as a standalone HTTP server (`listen()`)
// for the demo (`npm start` runs it beside the app) and the tests. Its sign-in page lists its people: choosing
// one sends the browser back with a code, as OneID does after a person signed in there. It keeps
// codes and tokens in memory and checks what OneID checks: the client, its secret, the
// redirect_uri a code was issued for, and that a code is used once. `nextAnswer` makes the next
// POST fail the ways a real OneID can (an error answer, an HTTP error, junk, a slow answer).

export interface StandInClient {
	clientId: string;
	clientSecret: string;
}

export interface ForcedAnswer {
	status?: number;
	/** A string is sent as it is (junk); anything else as JSON. */
	body?: unknown;
	/** Wait this long before answering (a timeout). */
	delayMs?: number;
}

const CODE_TTL_MS = 5 * 60 * 1000;

interface IssuedCode {
	clientId: string;
	redirectUri: string;
	person: OneIdPersonAnswer;
	atMs: number;
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});

const refuse = (error: string, description: string, status = 400) =>
	json({ error, error_description: description } satisfies OneIdErrorAnswer, status);

export class OneIdStandIn {
	private readonly codes = new Map<string, IssuedCode>();
	private readonly tokens = new Map<string, OneIdPersonAnswer>();
	/** What every POST asked for, in order (tests read it). */
	readonly requests: Array<Record<string, string>> = [];
	/** The answers the next POSTs give instead of the real one, first to last. */
	readonly nextAnswers: ForcedAnswer[] = [];

	constructor(
		readonly people: readonly OneIdPersonAnswer[],
		private readonly client: StandInClient,
		private readonly now: () => number = Date.now
	) {}

	/** Answers a request to OneID's one path (GET: the sign-in page; POST: the grants). */
	async handle(request: Request): Promise<Response> {
		const url = new URL(request.url);
		if (request.method === 'GET')
			return url.searchParams.has('person')
				? this.personChosen(url.searchParams)
				: this.signInPage(url.searchParams);
		if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 });
		const form = new URLSearchParams(await request.text().catch(() => ''));
		const params = Object.fromEntries(form);
		this.requests.push(params);
		const forced = this.nextAnswers.shift();
		if (forced) {
			if (forced.delayMs) await new Promise((r) => setTimeout(r, forced.delayMs));
			const body = forced.body ?? '';
			return typeof body === 'string'
				? new Response(body, { status: forced.status ?? 200 })
				: json(body, forced.status ?? 200);
		}
		if (
			params.client_id !== this.client.clientId ||
			params.client_secret !== this.client.clientSecret
		)
			return refuse('invalid_client', 'Client authentication failed', 401);
		switch (params.grant_type) {
			case GRANT.code:
				return this.exchange(params);
			case GRANT.identify: {
				const person = this.tokens.get(params.access_token ?? '');
				if (!person) return refuse('invalid_token', 'The access token is not valid', 401);
				return json({ ...person, sess_id: 'stand-in', ret_cd: '0', user_type: 'I' });
			}
			case GRANT.logOut:
				this.tokens.delete(params.access_token ?? '');
				return json({});
			default:
				return refuse('unsupported_grant_type', `Unknown grant_type ${params.grant_type ?? ''}`);
		}
	}

	private exchange(params: Record<string, string>): Response {
		const issued = this.codes.get(params.code ?? '');
		if (!issued) return refuse('invalid_grant', 'The code is not valid or was used');
		this.codes.delete(params.code!);
		if (issued.redirectUri !== params.redirect_uri)
			return refuse('invalid_grant', 'redirect_uri does not match');
		if (this.now() - issued.atMs > CODE_TTL_MS) return refuse('invalid_grant', 'The code expired');
		const accessToken = randomBytes(24).toString('hex');
		this.tokens.set(accessToken, issued.person);
		return json({
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: 3600,
			refresh_token: randomBytes(24).toString('hex'),
			scope: params.scope ?? ''
		});
	}

	/** A code for `person` as if they had just signed in (tests skip the page with it). */
	issueCode(person: OneIdPersonAnswer, redirectUri: string): string {
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, {
			clientId: this.client.clientId,
			redirectUri,
			person,
			atMs: this.now()
		});
		return code;
	}

	private badRequest(query: URLSearchParams): string | null {
		if (query.get('response_type') !== RESPONSE_TYPE) return 'response_type must be one_code';
		if (query.get('client_id') !== this.client.clientId) return 'unknown client_id';
		const redirect = query.get('redirect_uri') ?? '';
		if (!/^https?:\/\//.test(redirect)) return 'redirect_uri must be an http(s) URL';
		return null;
	}

	private signInPage(query: URLSearchParams): Response {
		const problem = this.badRequest(query);
		if (problem) return new Response(`OneID stand-in: ${problem}`, { status: 400 });
		const hidden = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state']
			.map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(query.get(k) ?? '')}">`)
			.join('');
		const choices = this.people
			.map(
				(p) =>
					`<li><button name="person" value="${escapeHtml(p.user_id)}">${escapeHtml(p.full_name ?? p.user_id)}</button> <small>PINFL ${escapeHtml(p.pin)}</small></li>`
			)
			.join('');
		const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>OneID (local stand-in)</title></head><body><h1>OneID — local stand-in</h1><p>Not the real sso.egov.uz: a local stand-in for the demo. Choose who signs in.</p><form method="get">${hidden}<ul>${choices}</ul><p><button name="person" value="">Cancel</button></p></form></body></html>`;
		return new Response(html, {
			headers: {
				'content-type': 'text/html; charset=utf-8',
				'cache-control': 'no-store',
				'content-security-policy': "default-src 'none'; form-action *; frame-ancestors 'none'"
			}
		});
	}

	private personChosen(form: URLSearchParams): Response {
		const problem = this.badRequest(form);
		if (problem) return new Response(`OneID stand-in: ${problem}`, { status: 400 });
		const back = new URL(form.get('redirect_uri')!);
		const state = form.get('state');
		if (state !== null) back.searchParams.set('state', state);
		const person = this.people.find((p) => p.user_id === form.get('person'));
		if (!person) back.searchParams.set('error', 'access_denied');
		else back.searchParams.set('code', this.issueCode(person, form.get('redirect_uri')!));
		return new Response(null, { status: 303, headers: { location: back.href } });
	}

	/** Serves the stand-in on its own port (tests): base URL and a close function. */
	async listen(port = 0): Promise<{ baseUrl: string; close: () => Promise<void>; server: Server }> {
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const url = `http://127.0.0.1${req.url ?? '/'}`;
				const path = new URL(url).pathname;
				if (path !== ONEID_PATH) {
					res.writeHead(404).end('Not found');
					return;
				}
				const body =
					req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
				void this.handle(new Request(url, { method: req.method, body }))
					.then(async (answer) => {
						res.writeHead(answer.status, Object.fromEntries(answer.headers));
						res.end(Buffer.from(await answer.arrayBuffer()));
					})
					.catch(() => res.writeHead(500).end());
			});
		});
		server.listen(port, '127.0.0.1');
		await once(server, 'listening');
		const address = server.address() as { port: number };
		return {
			baseUrl: `http://127.0.0.1:${address.port}`,
			server,
			close: () =>
				new Promise<void>((resolve) => {
					server.closeAllConnections();
					server.close(() => resolve());
				})
		};
	}
}
