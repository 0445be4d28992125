import { request, type APIRequestContext, type APIResponse } from '@playwright/test';

/** The accounts of the demo residents (demo: the first two, demo2: the third). */
export const DEMO_ACCOUNTS = ['1726001001', '1726001002', '1726001003'];

export interface OfficeRequest {
	id: string;
	accountNumber: string;
	kind: string;
	status: string;
	createdAtMs: number;
	workOrder: { id: string; status: string; inspectorName: string } | null;
}

/**
 * The back office as a test drives it: the operator signed in over the real tRPC HTTP API
 * (non-batched calls: a mutation is a POST with its input as the JSON body, a query a GET with
 * `?input=`), in its own cookie jar, apart from any browser.
 */
export class Office {
	private constructor(private readonly api: APIRequestContext) {}

	static async signIn(baseURL: string): Promise<Office> {
		const office = new Office(await request.newContext({ baseURL }));
		await office.mutate('auth.signIn', { login: 'operator', password: 'operate12345' });
		return office;
	}

	setStatus(
		requestId: string,
		status: 'accepted' | 'scheduled' | 'done' | 'rejected',
		reason: string | null = null
	): Promise<{ requestId: string; status: string }> {
		return this.mutate('office.requests.setStatus', { requestId, status, reason });
	}

	/** Requests still open (submitted, accepted, scheduled), oldest first, every page. */
	async openRequests(): Promise<OfficeRequest[]> {
		const all: OfficeRequest[] = [];
		for (let cursor: string | undefined; ;) {
			const page = await this.query<{ rows: OfficeRequest[]; nextCursor: string | null }>(
				'office.requests.list',
				{ status: 'open', limit: 200, ...(cursor ? { cursor } : {}) }
			);
			all.push(...page.rows);
			if (!page.nextCursor) return all;
			cursor = page.nextCursor;
		}
	}

	remove(requestId: string): Promise<{ requestId: string }> {
		return this.mutate('office.requests.remove', { requestId });
	}

	/**
	 * Removes the demo residents' open requests (as the office removes test requests), so that a
	 * test can file any kind: an account has one open request of a kind at a time.
	 */
	async removeOpenDemoRequests(): Promise<void> {
		for (const r of await this.openRequests())
			if (DEMO_ACCOUNTS.includes(r.accountNumber)) await this.remove(r.id);
	}

	dispose(): Promise<void> {
		return this.api.dispose();
	}

	private async mutate<T>(path: string, input: unknown): Promise<T> {
		return unwrap<T>(path, await this.api.post(`/api/trpc/${path}`, { data: input }));
	}

	private async query<T>(path: string, input: unknown): Promise<T> {
		const params = { input: JSON.stringify(input) };
		return unwrap<T>(path, await this.api.get(`/api/trpc/${path}`, { params }));
	}
}

async function unwrap<T>(path: string, response: APIResponse): Promise<T> {
	const body = (await response.json()) as {
		result?: { data: T };
		error?: { message: string };
	};
	if (!response.ok() || !body.result)
		throw new Error(`${path} answered ${response.status()}: ${body.error?.message ?? '?'}`);
	return body.result.data;
}
