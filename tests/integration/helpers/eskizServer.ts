import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';

// A local server that speaks Eskiz.uz's SMS API as its published docs describe it (login, token
// refresh, send), with switches a test flips: expire the token, refuse refreshes, go down.

export interface EskizCall {
	method: string;
	path: string;
	authorization: string | null;
	form: Record<string, string>;
}

export class FakeEskiz {
	readonly calls: EskizCall[] = [];
	/** Messages Eskiz accepted (answered 200). */
	readonly accepted: Array<{ mobile_phone: string; message: string; from: string }> = [];
	readonly validTokens = new Set<string>();
	/** Every answer 503 while set, as during an outage. */
	down = false;
	refuseRefresh = false;
	private server: Server | null = null;
	port = 0;

	constructor(
		readonly email = 'het@example.uz',
		readonly password = 'eskiz-secret'
	) {}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Tokens issued so far stop working, as when 30 days have passed. */
	expireTokens(): void {
		this.validTokens.clear();
	}

	private issue(): string {
		const token = `tok-${randomUUID()}`;
		this.validTokens.add(token);
		return token;
	}

	private static async form(req: IncomingMessage): Promise<Record<string, string>> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (chunks.length === 0) return {};
		const type = req.headers['content-type'] ?? '';
		const parsed = await new Response(Buffer.concat(chunks), {
			headers: { 'content-type': type }
		}).formData();
		return Object.fromEntries([...parsed.entries()].map(([k, v]) => [k, String(v)]));
	}

	async start(port = 0): Promise<this> {
		this.server = createServer((req, res) => {
			void (async () => {
				const form = await FakeEskiz.form(req);
				const authorization = req.headers.authorization ?? null;
				const path = (req.url ?? '').split('?')[0];
				this.calls.push({ method: req.method ?? '', path, authorization, form });
				const answer = (status: number, body: unknown) => {
					res.writeHead(status, { 'content-type': 'application/json' });
					res.end(JSON.stringify(body));
				};
				if (this.down) return answer(503, { message: 'Service Unavailable' });
				const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
				if (req.method === 'POST' && path === '/api/auth/login') {
					if (form.email !== this.email || form.password !== this.password)
						return answer(401, { message: 'Invalid credentials' });
					return answer(200, {
						message: 'token_generated',
						data: { token: this.issue() },
						token_type: 'bearer'
					});
				}
				if (req.method === 'PATCH' && path === '/api/auth/refresh') {
					if (!bearer || this.refuseRefresh)
						return answer(401, { status: 'token-invalid', message: 'Token is invalid' });
					return answer(200, {
						message: 'token_generated',
						data: { token: this.issue() },
						token_type: 'bearer'
					});
				}
				if (req.method === 'POST' && path === '/api/message/sms/send') {
					if (!bearer || !this.validTokens.has(bearer))
						return answer(401, { status: 'token-invalid', message: 'Expired token' });
					if (!/^998\d{9}$/.test(form.mobile_phone ?? ''))
						return answer(400, { status: 'error', message: { mobile_phone: ['invalid'] } });
					if (!form.message || !form.from)
						return answer(400, { status: 'error', message: 'message and from are required' });
					this.accepted.push({
						mobile_phone: form.mobile_phone,
						message: form.message,
						from: form.from
					});
					return answer(200, {
						id: randomUUID(),
						message: 'Waiting for SMS provider',
						status: 'waiting'
					});
				}
				answer(404, { message: 'Not found' });
			})();
		});
		this.server.listen(port, '127.0.0.1');
		await once(this.server, 'listening');
		this.port = (this.server.address() as { port: number }).port;
		return this;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		this.server.close();
		await once(this.server, 'close');
		this.server = null;
	}
}
