import { SmsSendError, type SmsDriver } from './driver';

// Eskiz.uz's SMS API (notify.eskiz.uz, documented at documenter.getpostman.com/view/663428/RzfmES4z):
//   POST  /api/auth/login          form email, password      → {"data":{"token"}}
//   PATCH /api/auth/refresh        Bearer token              → {"data":{"token"}}
//   POST  /api/message/sms/send    Bearer; form mobile_phone (digits, no '+'), message, from,
//                                  callback_url              → {"id","message","status"}
// Forms go urlencoded, not multipart: multipart turns each "\n" of the text into "\r\n", which
// the phone shows as is and which makes the text longer (a segment more).
// A token lives 30 days; an expired one is answered 401 {"status":"token-invalid","message":
// "Expired token"}. The driver then renews it (refresh, or a new login if refresh is refused)
// and sends once more.

export interface EskizOptions {
	baseUrl: string;
	email: string;
	password: string;
	/** The sender name Eskiz approved for the account ('4546' is Eskiz's own test sender). */
	from: string;
	callbackUrl?: string;
	timeoutMs?: number;
	fetch?: typeof fetch;
}

interface TokenAnswer {
	data?: { token?: unknown };
}

export class EskizSmsDriver implements SmsDriver {
	readonly name = 'eskiz';
	private token: string | null = null;
	private readonly fetch: typeof fetch;

	constructor(private readonly options: EskizOptions) {
		this.fetch = options.fetch ?? fetch;
	}

	private url(path: string): string {
		return `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
	}

	private async call(path: string, init: RequestInit): Promise<Response> {
		try {
			return await this.fetch(this.url(path), {
				...init,
				signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000)
			});
		} catch (error) {
			// Refused, reset, timed out, DNS: the gateway may be back later.
			throw new SmsSendError(`Eskiz unreachable: ${(error as Error).message}`, true);
		}
	}

	private static async tokenOf(response: Response, what: string): Promise<string> {
		const body = (await response.json().catch(() => ({}))) as TokenAnswer;
		const token = body.data?.token;
		if (typeof token !== 'string' || token === '')
			throw new SmsSendError(`Eskiz ${what} answered without a token`, true);
		return token;
	}

	private async login(): Promise<string> {
		const form = new URLSearchParams();
		form.set('email', this.options.email);
		form.set('password', this.options.password);
		const response = await this.call('/api/auth/login', { method: 'POST', body: form });
		if (!response.ok)
			// Wrong ESKIZ_EMAIL/ESKIZ_PASSWORD or Eskiz down: messages wait until it is fixed.
			throw new SmsSendError(`Eskiz login refused (HTTP ${response.status})`, true);
		this.token = await EskizSmsDriver.tokenOf(response, 'login');
		return this.token;
	}

	/** A new token for an expired one; a new login when Eskiz will not refresh it. */
	private async renew(): Promise<string> {
		if (this.token) {
			const response = await this.call('/api/auth/refresh', {
				method: 'PATCH',
				headers: { authorization: `Bearer ${this.token}` }
			});
			if (response.ok) {
				this.token = await EskizSmsDriver.tokenOf(response, 'refresh');
				return this.token;
			}
		}
		this.token = null;
		return this.login();
	}

	private sendWith(token: string, toPhone: string, text: string): Promise<Response> {
		const form = new URLSearchParams();
		form.set('mobile_phone', toPhone.replace(/^\+/, ''));
		form.set('message', text);
		form.set('from', this.options.from);
		if (this.options.callbackUrl) form.set('callback_url', this.options.callbackUrl);
		return this.call('/api/message/sms/send', {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
			body: form
		});
	}

	async send(toPhone: string, text: string): Promise<{ gatewayId?: string }> {
		let response = await this.sendWith(this.token ?? (await this.login()), toPhone, text);
		if (response.status === 401) response = await this.sendWith(await this.renew(), toPhone, text);
		if (response.ok) {
			const body = (await response.json().catch(() => ({}))) as { id?: unknown };
			return { gatewayId: body.id === undefined ? undefined : String(body.id) };
		}
		const detail = await response.text().catch(() => '');
		// 5xx and 429: Eskiz is down or busy, try later. Any other 4xx refuses this message (a bad
		// number, a text not approved for the sender): sending it again would be refused again.
		const retryable = response.status >= 500 || response.status === 429 || response.status === 401;
		throw new SmsSendError(
			`Eskiz answered HTTP ${response.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`,
			retryable
		);
	}
}
