import { z } from 'zod';
import { GRANT, oneIdEndpoint, RESPONSE_TYPE } from './protocol';

// The server's half of OneID: builds the browser's redirect, exchanges the code, reads the person
// and signs the access token out. Every way OneID can fail (an error answer, an HTTP error, no
// answer in time, an answer that is not what the protocol says) becomes one OneIdError whose
// `reason` is a message key the person reads in their language; `detail` is for the log.

export interface OneIdSettings {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
	scope: string;
	/** How long one request to OneID may take. */
	timeoutMs?: number;
}

export const ONEID_TIMEOUT_MS = 10_000;

export type OneIdFailure =
	| 'error.oneid_refused' // OneID answered with an error (a used or wrong code, a bad client…)
	| 'error.oneid_unavailable' // OneID could not be reached or answered with an HTTP error
	| 'error.oneid_timeout' // OneID did not answer in time
	| 'error.oneid_invalid_answer'; // OneID answered something that is not its protocol

export class OneIdError extends Error {
	constructor(
		readonly reason: OneIdFailure,
		readonly detail: string
	) {
		super(`OneID: ${detail}`);
		this.name = 'OneIdError';
	}
}

const tokenAnswer = z.object({
	access_token: z.string().min(1).max(4096),
	token_type: z.string().optional(),
	expires_in: z.coerce.number().optional(),
	scope: z.string().optional()
});

const personAnswer = z.object({
	pin: z.string().regex(/^\d{14}$/),
	user_id: z.string().min(1).max(200),
	first_name: z.string().max(200).optional(),
	sur_name: z.string().max(200).optional(),
	mid_name: z.string().max(200).optional(),
	mob_phone_no: z.string().max(40).optional()
});

export type OneIdPerson = z.infer<typeof personAnswer>;

const errorAnswer = z.object({
	error: z.string().min(1),
	error_description: z.string().optional()
});

/** Answers bigger than this are not OneID's (a person's record is well under a kilobyte). */
const ANSWER_MAX_BYTES = 64 * 1024;

export function createOneIdClient(settings: OneIdSettings, fetchImpl: typeof fetch = fetch) {
	const endpoint = oneIdEndpoint(settings.baseUrl);
	const timeoutMs = settings.timeoutMs ?? ONEID_TIMEOUT_MS;

	async function post(params: Record<string, string>): Promise<unknown> {
		let response: Response;
		let text: string;
		try {
			response = await fetchImpl(endpoint, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json'
				},
				body: new URLSearchParams(params),
				redirect: 'manual',
				signal: AbortSignal.timeout(timeoutMs)
			});
			text = await response.text();
		} catch (error) {
			const name = (error as { name?: string }).name;
			if (name === 'TimeoutError' || name === 'AbortError')
				throw new OneIdError('error.oneid_timeout', `no answer in ${timeoutMs} ms`);
			throw new OneIdError('error.oneid_unavailable', String(error));
		}
		let body: unknown = undefined;
		if (text.length <= ANSWER_MAX_BYTES) {
			try {
				body = JSON.parse(text);
			} catch {
				body = undefined;
			}
		}
		const refusal = errorAnswer.safeParse(body);
		if (refusal.success)
			throw new OneIdError(
				'error.oneid_refused',
				`${refusal.data.error}${refusal.data.error_description ? `: ${refusal.data.error_description}` : ''} (HTTP ${response.status})`
			);
		if (!response.ok) throw new OneIdError('error.oneid_unavailable', `HTTP ${response.status}`);
		if (body === undefined || body === null || typeof body !== 'object')
			throw new OneIdError('error.oneid_invalid_answer', 'the answer is not a JSON object');
		return body;
	}

	const client = {
		/** Where the browser goes to sign in; OneID sends it back to `redirectUri` with the state. */
		authorizationUrl(redirectUri: string, state: string): string {
			const url = new URL(endpoint);
			url.searchParams.set('response_type', RESPONSE_TYPE);
			url.searchParams.set('client_id', settings.clientId);
			url.searchParams.set('redirect_uri', redirectUri);
			url.searchParams.set('scope', settings.scope);
			url.searchParams.set('state', state);
			return url.href;
		},

		/** The code the browser brought back, for an access token. */
		async exchangeCode(code: string, redirectUri: string): Promise<string> {
			const body = await post({
				grant_type: GRANT.code,
				client_id: settings.clientId,
				client_secret: settings.clientSecret,
				code,
				redirect_uri: redirectUri
			});
			const parsed = tokenAnswer.safeParse(body);
			if (!parsed.success)
				throw new OneIdError('error.oneid_invalid_answer', 'the token answer has no access_token');
			return parsed.data.access_token;
		},

		/** The person the access token belongs to. */
		async identify(accessToken: string): Promise<OneIdPerson> {
			const body = await post({
				grant_type: GRANT.identify,
				client_id: settings.clientId,
				client_secret: settings.clientSecret,
				access_token: accessToken,
				scope: settings.scope
			});
			const parsed = personAnswer.safeParse(body);
			if (!parsed.success)
				throw new OneIdError(
					'error.oneid_invalid_answer',
					`the person's answer is not valid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`
				);
			return parsed.data;
		},

		/** Ends the access token at OneID. */
		async logOut(accessToken: string): Promise<void> {
			await post({
				grant_type: GRANT.logOut,
				client_id: settings.clientId,
				client_secret: settings.clientSecret,
				access_token: accessToken,
				scope: settings.scope
			});
		}
	};
	return client;
}

export type OneIdClient = ReturnType<typeof createOneIdClient>;
