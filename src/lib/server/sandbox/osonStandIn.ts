import { randomInt } from 'node:crypto';
import { config } from '$lib/server/config';
import {
	osonSignature,
	OSON_MAX_TRANSACTION_ID,
	type OsonStatus
} from '$lib/server/services/payments/oson';
import { somToTiyin } from '$lib/server/services/payments/somAmount';
import { sameSecret } from '$lib/server/services/payments/basicAuth';
import { ownBaseUrl } from './ownBaseUrl';

/**
 * The demo's stand-in for OSON's side: the invoices it was asked for (kept in memory — the demo
 * is one process and its invoices need not outlive it), their pay page's outcome, and the
 * signed webhook it sends to Tok's notify_url, as OSON's invoice API describes them.
 */
export interface StandInInvoice {
	id: string;
	transactionId: string;
	userAccount: string;
	amountTiyin: number;
	returnUrl: string;
	notifyUrl: string;
	status: OsonStatus;
	billId?: string;
}

const invoices = new Map<string, StandInInvoice>();
const byTransaction = new Map<string, string>();

export type StandInAnswer = { status: number; body: Record<string, unknown> };

const fail = (status: number, message: string): StandInAnswer => ({
	status,
	body: { status: 'ERROR', message }
});

const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/** Refuses a call without OSON's token header or for another merchant. */
function authorized(request: Request, body: Record<string, unknown>): StandInAnswer | undefined {
	const token = config.osonToken;
	const merchant = config.osonMerchantId;
	if (!token || !merchant) return fail(503, 'OSON is not configured');
	if (!sameSecret(request.headers.get('token') ?? '', token)) return fail(401, 'wrong token');
	if (body.merchant_id !== merchant) return fail(403, 'unknown merchant_id');
}

export function createStandInInvoice(
	request: Request,
	body: Record<string, unknown>
): StandInAnswer {
	const refused = authorized(request, body);
	if (refused) return refused;
	const { transaction_id: tid, user_account: account, return_url, notify_url } = body;
	if (typeof tid !== 'string' || tid.length === 0 || tid.length > OSON_MAX_TRANSACTION_ID)
		return fail(400, 'transaction_id must be 1–36 characters');
	const amountTiyin = somToTiyin(body.amount);
	if (amountTiyin === undefined) return fail(400, "amount must be so'm with at most 2 decimals");
	if (body.currency !== 'UZS') return fail(400, 'currency must be UZS');
	if (typeof account !== 'string' || !isUrl(return_url) || !isUrl(notify_url))
		return fail(400, 'user_account, return_url and notify_url are required');
	const known = byTransaction.get(tid);
	const id = known ?? `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`;
	if (!known) {
		invoices.set(id, {
			id,
			transactionId: tid,
			userAccount: account,
			amountTiyin,
			returnUrl: return_url,
			notifyUrl: notify_url,
			status: 'REGISTRED'
		});
		byTransaction.set(tid, id);
	}
	return {
		status: 200,
		body: { transaction_id: tid, pay_url: `${origin}/sandbox/oson/pay/${id}` }
	};
}

export function standInStatus(request: Request, body: Record<string, unknown>): StandInAnswer {
	const refused = authorized(request, body);
	if (refused) return refused;
	const id =
		typeof body.transaction_id === 'string' ? byTransaction.get(body.transaction_id) : undefined;
	const invoice = id ? invoices.get(id) : undefined;
	if (!invoice) return fail(404, 'no invoice has this transaction_id');
	return {
		status: 200,
		body: {
			transaction_id: invoice.transactionId,
			bill_id: invoice.billId ?? null,
			status: invoice.status
		}
	};
}

export function standInInvoice(id: string): StandInInvoice | undefined {
	return invoices.get(id);
}

/**
 * The person pressed Pay or Decline: the invoice takes its outcome and OSON's signed webhook
 * goes to Tok's notify_url over HTTP. A webhook that fails is left for Tok's status poll.
 */
export async function settleStandInInvoice(
	invoice: StandInInvoice,
	outcome: 'PAID' | 'DECLINED'
): Promise<void> {
	const token = config.osonToken;
	const merchant = config.osonMerchantId;
	if (!token || !merchant) return;
	if (invoice.status === 'REGISTRED') {
		invoice.status = outcome;
		invoice.billId = `${Date.now()}${randomInt(1000).toString().padStart(3, '0')}`;
	}
	const billId = invoice.billId!;
	// OSON and Tok are one process here: the webhook goes over HTTP to notify_url's path on
	// this server, since the origin the phone used may not be reachable from the server itself.
	const notify = new URL(invoice.notifyUrl);
	try {
		const response = await fetch(`${ownBaseUrl()}${notify.pathname}${notify.search}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				transaction_id: invoice.transactionId,
				bill_id: billId,
				status: invoice.status,
				signature: osonSignature(token, merchant, invoice.transactionId, billId, invoice.status)
			}),
			signal: AbortSignal.timeout(10_000)
		});
		if (!response.ok) console.error('OSON stand-in: the webhook was answered', response.status);
	} catch (e) {
		console.error('OSON stand-in: the webhook did not arrive', e);
	}
}
