import { somToTiyin, tiyinToSomText } from '../services/payments/somAmount';
export { ownBaseUrl } from './ownBaseUrl';

/**
 * The demo pages that play an operator paid by account number (Paynet, Uzum) against Tok's real
 * endpoint: the form's account and amount, checked here; the calls go over HTTP with the
 * operator's real credentials, and each call and its answer is shown on the page.
 */
export interface KioskCall {
	call: string;
	request: unknown;
	status: number;
	response: unknown;
}

export interface KioskOutcome {
	account: string;
	amount: string;
	paid: boolean;
	reason?: string;
	calls: KioskCall[];
}

export type KioskInput =
	| { error: 'sandboxKiosk.badAccount' | 'sandboxKiosk.badAmount' }
	| { account: string; amountTiyin: number; amountText: string };

/** The page's account number and amount in so'm (digits, at most 2 decimals), checked. */
export function kioskInput(body: Record<string, unknown> | undefined): KioskInput {
	const account = String(body?.account ?? '').trim();
	const amount = String(body?.amount ?? '')
		.trim()
		.replace(/\s/g, '')
		.replace(',', '.');
	if (!/^\d{1,20}$/.test(account)) return { error: 'sandboxKiosk.badAccount' };
	const amountTiyin = somToTiyin(amount);
	if (amountTiyin === undefined) return { error: 'sandboxKiosk.badAmount' };
	return { account, amountTiyin, amountText: tiyinToSomText(amountTiyin) };
}

/** POSTs JSON over real HTTP (not SvelteKit's in-process fetch) and records the exchange. */
export async function kioskCall(
	calls: KioskCall[],
	call: string,
	url: string,
	authorization: string,
	body: unknown
): Promise<{ status: number; response: Record<string, unknown> }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(10_000)
	});
	const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	calls.push({ call, request: body, status: response.status, response: answer });
	return { status: response.status, response: answer };
}

export const basic = (login: string, password: string) =>
	`Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
