import { createHash } from 'node:crypto';
import { getDb, type Db } from '../../db';
import { config } from '../../config';
import type { Locale } from '../../../i18n/locale';
import { PaymentError } from './errors';
import { sameSecret } from './basicAuth';
import { isJsonContentType, parseJsonObject, readBoundedBody } from './body';
import { tiyinToSomText } from './somAmount';
import type { CheckoutRequest, PaymentOperatorAdapter } from './adapter';
import { createTransaction, findTransaction, performTransaction } from './transactions';
import type { PaymentTransaction } from './transactions';

/**
 * OSON's invoice API (Tok calls OSON): for an order Tok creates one invoice and sends the person
 * to its `pay_url`; OSON tells Tok the outcome with a signed webhook to `notify_url`, and when
 * that is late Tok asks OSON for the invoice's status. Either way a PAID invoice is created and
 * performed once (OSON's `bill_id` is the operator transaction id); a repeat finds it performed.
 */

export const OSON_STATUSES = ['REGISTRED', 'PAID', 'DECLINED', 'PAY_ERROR', 'EXPIRED'] as const;
export type OsonStatus = (typeof OSON_STATUSES)[number];
const FINAL_UNPAID: readonly OsonStatus[] = ['DECLINED', 'PAY_ERROR', 'EXPIRED'];

/** OSON's `transaction_id` is at most 36 characters (Tok's order id). */
export const OSON_MAX_TRANSACTION_ID = 36;
/** An open invoice older than this is asked about when its checkout is asked for again. */
export const OSON_POLL_AFTER_MS = 2 * 60_000;
const BILL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const OSON_TIMEOUT_MS = 10_000;
export const MAX_OSON_BODY_BYTES = 16 * 1024;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** OSON's webhook signature: sha256(sha256(token:merchant_id):transaction_id:bill_id:status). */
export function osonSignature(
	token: string,
	merchantId: string,
	transactionId: string,
	billId: string,
	status: string
): string {
	return sha256(`${sha256(`${token}:${merchantId}`)}:${transactionId}:${billId}:${status}`);
}

export interface OsonEnv {
	/** OSON's API base (…/api/invoice/create/ is below it). */
	baseUrl: string;
	merchantId: string;
	token: string;
	fetch?: typeof fetch;
	nowMs?: () => number;
}

/** The configured OSON, with the demo's stand-in under `origin` when OSON_BASE_URL is unset. */
export function osonEnv(origin?: string): OsonEnv | undefined {
	const merchantId = config.osonMerchantId;
	const token = config.osonToken;
	const baseUrl =
		config.osonBaseUrl ?? (config.demo && origin ? `${origin}/sandbox/oson` : undefined);
	if (!merchantId || !token || !baseUrl) return undefined;
	return { baseUrl: baseUrl.replace(/\/+$/, ''), merchantId, token };
}

interface InvoiceRow {
	orderId: string;
	payUrl: string;
	status: OsonStatus;
	billId: string | null;
	createdAtMs: number;
	polledAtMs: number | null;
}

export function findOsonInvoice(db: Db, orderId: string): InvoiceRow | undefined {
	return db.$client
		.prepare(
			`select order_id as orderId, pay_url as payUrl, status, bill_id as billId,
			 created_at_ms as createdAtMs, polled_at_ms as polledAtMs from oson_invoices where order_id = ?`
		)
		.get(orderId) as InvoiceRow | undefined;
}

async function callOson(
	env: OsonEnv,
	path: 'create' | 'status',
	body: string
): Promise<Record<string, unknown>> {
	const response = await (env.fetch ?? fetch)(`${env.baseUrl}/api/invoice/${path}/`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', token: env.token },
		body,
		signal: AbortSignal.timeout(OSON_TIMEOUT_MS)
	});
	const answer = parseJsonObject(await response.text());
	if (!response.ok || !answer)
		throw new Error(`OSON ${path} answered HTTP ${response.status} without an invoice`);
	return answer;
}

const OSON_LANG: Record<Locale, string> = { uz: 'uz', 'uz-Cyrl': 'uz', ru: 'ru', en: 'en' };

/** Requests in flight per order, so that two checkouts at once make one invoice. */
const creating = new Map<string, Promise<string>>();

/**
 * The pay_url of the order's OSON invoice, created at OSON the first time it is asked for and
 * then read from `oson_invoices`. An open invoice older than a couple of minutes is first
 * asked about (the webhook may be late); a declined or expired one cannot be paid again.
 */
export async function osonCheckoutUrl(
	db: Db,
	request: CheckoutRequest,
	env: OsonEnv
): Promise<string> {
	const { order } = request;
	if (order.id.length > OSON_MAX_TRANSACTION_ID)
		throw new Error(`the order id is longer than OSON's ${OSON_MAX_TRANSACTION_ID} characters`);
	const nowMs = (env.nowMs ?? Date.now)();
	const existing = findOsonInvoice(db, order.id);
	if (existing) {
		if (
			existing.status === 'REGISTRED' &&
			nowMs - existing.createdAtMs >= OSON_POLL_AFTER_MS &&
			nowMs - (existing.polledAtMs ?? 0) >= OSON_POLL_AFTER_MS
		)
			await pollOsonInvoice(db, order.id, env).catch((e) =>
				console.error('OSON status poll failed', e)
			);
		const now = findOsonInvoice(db, order.id)!;
		if (FINAL_UNPAID.includes(now.status))
			throw new Error(`OSON's invoice for this order is ${now.status}; start a new payment`);
		return now.payUrl;
	}
	const inFlight = creating.get(order.id);
	if (inFlight) return inFlight;
	const created = (async () => {
		const amount = tiyinToSomText(order.amountTiyin);
		// The amount goes on the wire as written (so'm with 2 decimals), never through a float.
		const body = JSON.stringify({
			merchant_id: env.merchantId,
			transaction_id: order.id,
			user_account: request.accountNumber,
			amount: '@AMOUNT@',
			currency: 'UZS',
			return_url: request.returnUrl,
			notify_url: `${request.origin}/api/payments/oson/notify`,
			lang: OSON_LANG[request.locale]
		}).replace('"@AMOUNT@"', amount);
		const answer = await callOson(env, 'create', body);
		const payUrl = answer.pay_url;
		if (typeof payUrl !== 'string' || !/^https?:\/\/\S+$/.test(payUrl))
			throw new Error('OSON answered without a pay_url');
		if (answer.transaction_id !== undefined && String(answer.transaction_id) !== order.id)
			throw new Error("OSON answered for another transaction_id than the order's");
		db.$client
			.prepare(
				`insert into oson_invoices (order_id, pay_url, status, created_at_ms) values (?, ?, 'REGISTRED', ?)
				 on conflict (order_id) do nothing`
			)
			.run(order.id, payUrl, nowMs);
		return findOsonInvoice(db, order.id)!.payUrl;
	})();
	creating.set(order.id, created);
	try {
		return await created;
	} finally {
		creating.delete(order.id);
	}
}

interface OsonOrder {
	id: string;
	accountNumber: string;
	amountTiyin: number;
}

function osonOrder(db: Db, transactionId: string): OsonOrder | undefined {
	return db.$client
		.prepare(
			`select o.id, a.number as accountNumber, o.amount_tiyin as amountTiyin from payment_orders o
			 join accounts a on a.id = o.account_id join oson_invoices i on i.order_id = o.id
			 where o.id = ? and o.operator = 'oson'`
		)
		.get(transactionId) as OsonOrder | undefined;
}

/**
 * A PAID invoice: the order's amount is created and performed as OSON's bill `billId`, once.
 * A repeat (webhook again, or the poll after the webhook) finds it performed and credits
 * nothing. Refuses (PaymentError) when the order was already paid by another bill or closed.
 */
export function applyOsonPaid(
	db: Db,
	order: OsonOrder,
	billId: string,
	nowMs: number
): { tx: PaymentTransaction; credited: boolean } {
	return db.$client
		.transaction(() => {
			const existing = findTransaction(db, 'oson', billId);
			if (existing && existing.orderId !== order.id)
				throw new PaymentError('transaction_differs', 'bill_id');
			if (existing?.state === 2) return { tx: existing, credited: false };
			createTransaction(db, {
				operator: 'oson',
				operatorTxId: billId,
				accountNumber: order.accountNumber,
				orderId: order.id,
				amountTiyin: order.amountTiyin,
				operatorTimeMs: nowMs,
				nowMs
			});
			const tx = performTransaction(db, { operator: 'oson', operatorTxId: billId, nowMs });
			db.$client
				.prepare("update oson_invoices set status = 'PAID', bill_id = ? where order_id = ?")
				.run(billId, order.id);
			return { tx, credited: true };
		})
		.immediate();
}

function recordStatus(db: Db, orderId: string, status: OsonStatus): void {
	// PAID is written with its bill by applyOsonPaid; a paid invoice stays PAID whatever comes later.
	if (status === 'PAID') return;
	db.$client
		.prepare("update oson_invoices set status = ? where order_id = ? and status <> 'PAID'")
		.run(status, orderId);
}

/**
 * Asks OSON for the invoice's status (the webhook may be late or lost) and applies it as the
 * webhook would. Returns the status OSON gave, and the account when a payment was credited.
 */
export async function pollOsonInvoice(
	db: Db,
	orderId: string,
	env: OsonEnv
): Promise<{ status: OsonStatus; creditedAccountId?: number }> {
	const nowMs = (env.nowMs ?? Date.now)();
	db.$client
		.prepare('update oson_invoices set polled_at_ms = ? where order_id = ?')
		.run(nowMs, orderId);
	const answer = await callOson(
		env,
		'status',
		JSON.stringify({ merchant_id: env.merchantId, transaction_id: orderId })
	);
	const status = answer.status;
	if (typeof status !== 'string' || !(OSON_STATUSES as readonly string[]).includes(status))
		throw new Error(`OSON answered an unknown status for ${orderId}`);
	const order = osonOrder(db, orderId);
	if (!order) throw new Error(`no OSON invoice for order ${orderId}`);
	if (status === 'PAID') {
		const billId = answer.bill_id === undefined ? undefined : String(answer.bill_id);
		// Without its bill the payment cannot be told apart from a later webhook's: wait for it.
		if (!billId || !BILL_ID.test(billId)) return { status };
		const { tx, credited } = applyOsonPaid(db, order, billId, nowMs);
		return { status, creditedAccountId: credited ? tx.accountId : undefined };
	}
	recordStatus(db, orderId, status as OsonStatus);
	return { status: status as OsonStatus };
}

/** Polls every open order's REGISTRED invoice older than `olderThanMs` (the CLI's sweep). */
export async function pollOpenOsonInvoices(
	db: Db,
	env: OsonEnv,
	olderThanMs: number
): Promise<Array<{ orderId: string; status?: OsonStatus; credited?: boolean; error?: string }>> {
	const nowMs = (env.nowMs ?? Date.now)();
	const rows = db.$client
		.prepare(
			`select i.order_id as orderId from oson_invoices i join payment_orders o on o.id = i.order_id
			 where o.status = 'open' and i.status = 'REGISTRED' and i.created_at_ms <= ? order by i.created_at_ms`
		)
		.all(nowMs - olderThanMs) as Array<{ orderId: string }>;
	const results = [];
	for (const { orderId } of rows) {
		try {
			const r = await pollOsonInvoice(db, orderId, env);
			results.push({ orderId, status: r.status, credited: r.creditedAccountId !== undefined });
		} catch (e) {
			results.push({ orderId, error: e instanceof Error ? e.message : String(e) });
		}
	}
	return results;
}

export const osonOperator: PaymentOperatorAdapter = {
	id: 'oson',
	configured: () =>
		config.osonMerchantId !== undefined &&
		config.osonToken !== undefined &&
		(config.osonBaseUrl !== undefined || config.demo),
	async checkoutUrl(request) {
		const env = osonEnv(request.origin);
		if (!env) throw new Error('OSON is not configured');
		return osonCheckoutUrl(getDb(), request, env);
	}
};

export interface OsonNotifyAnswer {
	status: number;
	body: { status: 'OK' | 'ERROR'; message?: string };
}

const refuse = (status: number, message: string): OsonNotifyAnswer => ({
	status,
	body: { status: 'ERROR', message }
});

/**
 * OSON's webhook to `notify_url`. A bad signature is refused (403) and nothing is written; a
 * PAID credits the order once and every repeat answers the same 200; DECLINED, PAY_ERROR and
 * EXPIRED close the invoice with nothing credited. Never throws for anything the request carries.
 */
export async function answerOsonNotify(
	request: Request,
	env: { db: () => Db; nowMs: () => number; onBalanceMoved?: (accountId: number) => void }
): Promise<OsonNotifyAnswer> {
	try {
		const merchantId = config.osonMerchantId;
		const token = config.osonToken;
		if (!merchantId || !token) return refuse(503, 'OSON is not configured on this server');
		if (!isJsonContentType(request)) return refuse(400, 'the body must be application/json');
		const text = await readBoundedBody(request, MAX_OSON_BODY_BYTES);
		if (text === undefined) return refuse(400, 'the body is too large');
		const body = parseJsonObject(text);
		if (!body) return refuse(400, 'the body is not a JSON object');
		const field = (name: string) => {
			const v = body[name];
			return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
		};
		const transactionId = field('transaction_id');
		const billId = field('bill_id');
		const status = body.status;
		const signature = body.signature;
		if (
			typeof transactionId !== 'string' ||
			transactionId.length === 0 ||
			transactionId.length > OSON_MAX_TRANSACTION_ID
		)
			return refuse(400, 'transaction_id is missing or longer than 36 characters');
		if (typeof billId !== 'string' || !BILL_ID.test(billId))
			return refuse(400, 'bill_id is missing or not an id');
		if (typeof status !== 'string' || !(OSON_STATUSES as readonly string[]).includes(status))
			return refuse(400, `status is not one of ${OSON_STATUSES.join(', ')}`);
		if (typeof signature !== 'string' || !/^[0-9a-fA-F]{64}$/.test(signature))
			return refuse(403, 'the signature is missing or not a sha256 hex digest');
		const expected = osonSignature(token, merchantId, transactionId, billId, status);
		if (!sameSecret(signature.toLowerCase(), expected))
			return refuse(403, 'the signature is wrong');
		const db = env.db();
		const order = osonOrder(db, transactionId);
		if (!order) return refuse(404, 'no OSON invoice has this transaction_id');
		if (status === 'PAID') {
			const { tx, credited } = applyOsonPaid(db, order, billId, env.nowMs());
			if (credited) env.onBalanceMoved?.(tx.accountId);
		} else {
			recordStatus(db, order.id, status as OsonStatus);
		}
		return { status: 200, body: { status: 'OK' } };
	} catch (e) {
		if (e instanceof PaymentError) {
			// OSON says paid, Tok cannot take it (the order was paid by another bill, or closed):
			// an operator must look; the refusal makes OSON retry and shows in the log.
			console.error('OSON PAID refused', e.message);
			return refuse(409, `the payment cannot be applied: ${e.refusal}`);
		}
		console.error('OSON webhook failed', e);
		return refuse(503, 'the payment could not be recorded; try again');
	}
}
