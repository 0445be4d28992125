import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db';
import { config } from '../../config';
import { trySomTextToTiyin, tiyinToSomText } from '../../../domain/payments/soms';
import { parseTashkentTime } from '../../../domain/payments/tashkentTime';
import { readFields } from './body';
import { PaymentError, type PaymentRefusal } from './errors';
import { findOrder } from './orders';
import { isPaymentAmount } from './limits';
import type { PaymentOperatorAdapter } from './adapter';
import {
	cancelTransaction,
	createTransaction,
	findTransaction,
	performTransaction,
	type PaymentTransaction
} from './transactions';

/**
 * Click's SHOP API (Click calls Tok): Prepare (action 0) and Complete (action 1), each a
 * form-encoded POST signed with MD5 over the published fields and the secret key, answered in
 * JSON with the published error codes (docs.click.uz, "Click-API – Request" and "Click-API –
 * Error"). A thin adapter over the payments service; it never throws out and never answers
 * with an HTTP error.
 */

export interface ClickAnswer {
	click_trans_id?: number;
	merchant_trans_id?: string;
	merchant_prepare_id?: number;
	merchant_confirm_id?: number;
	error: number;
	error_note: string;
}

/** The published codes and notes, word for word. */
export const CLICK_ERRORS = {
	success: { error: 0, error_note: 'Success' },
	sign: { error: -1, error_note: 'SIGN CHECK FAILED!' },
	amount: { error: -2, error_note: 'Incorrect parameter amount' },
	action: { error: -3, error_note: 'Action not found' },
	alreadyPaid: { error: -4, error_note: 'Already paid' },
	user: { error: -5, error_note: 'User does not exist' },
	transaction: { error: -6, error_note: 'Transaction does not exist' },
	update: { error: -7, error_note: 'Failed to update user' },
	request: { error: -8, error_note: 'Error in request from click' },
	cancelled: { error: -9, error_note: 'Transaction cancelled' }
} as const;
type ClickCode = (typeof CLICK_ERRORS)[keyof typeof CLICK_ERRORS];

const NOT_CONFIGURED = {
	error: -8,
	error_note: 'Click payments are not configured on this server'
} as const;

export const CLICK_ACTION = { prepare: '0', complete: '1' } as const;
export type ClickAction = keyof typeof CLICK_ACTION;

/** Click's requests are a dozen short fields; far more is not Click. */
export const MAX_CLICK_BODY_BYTES = 16 * 1024;

/**
 * Stored as the cancel reason when Click's Complete reports an error: the payment failed on
 * Click's side (the card was not debited). Same number as Payme's "debit error".
 */
export const CLICK_CANCEL_REASON = 2;

export interface ClickSignFields {
	click_trans_id: string;
	service_id: string;
	merchant_trans_id: string;
	/** Complete only. */
	merchant_prepare_id?: string;
	amount: string;
	action: string;
	sign_time: string;
}

/**
 * sign_string as published: md5(click_trans_id + service_id + SECRET_KEY + merchant_trans_id
 * [+ merchant_prepare_id, Complete only] + amount + action + sign_time), hex, over the exact
 * text of each field as sent.
 */
export function clickSignString(f: ClickSignFields, secretKey: string): string {
	const prepareId = f.action === CLICK_ACTION.complete ? (f.merchant_prepare_id ?? '') : '';
	return createHash('md5')
		.update(
			f.click_trans_id +
				f.service_id +
				secretKey +
				f.merchant_trans_id +
				prepareId +
				f.amount +
				f.action +
				f.sign_time,
			'utf8'
		)
		.digest('hex');
}

function sameHex(given: string, expected: string): boolean {
	const digest = (s: string) => createHash('sha256').update(s.toLowerCase()).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** What merchant_trans_id names: a personal account number, or `order:<Tok order id>`. */
export type ClickPayee = { accountNumber: string; orderId: null } | { orderId: string };

export function parseMerchantTransId(text: string): ClickPayee | null {
	if (/^\d{1,20}$/.test(text)) return { accountNumber: text, orderId: null };
	const order = /^order:([A-Za-z0-9_-]{1,64})$/.exec(text);
	return order ? { orderId: order[1] } : null;
}

class ClickRefusal extends Error {
	constructor(
		readonly code: ClickCode | typeof NOT_CONFIGURED,
		readonly extra: Partial<ClickAnswer> = {}
	) {
		super(code.error_note);
	}
}

const REQUIRED = [
	'click_trans_id',
	'service_id',
	'click_paydoc_id',
	'merchant_trans_id',
	'amount',
	'action',
	'error',
	'error_note',
	'sign_time',
	'sign_string'
] as const;

interface ClickRequest {
	clickTransId: string;
	merchantTransId: string;
	merchantPrepareId: string | null;
	amountText: string;
	error: number;
	signTimeMs: number;
}

type ClickFields = Record<(typeof REQUIRED)[number] | 'merchant_prepare_id', string>;

/** Every field there and of its type, else -8 (the published first check). */
function shapeOf(fields: Record<string, string>, action: ClickAction): ClickRequest {
	const required: readonly string[] =
		action === 'complete' ? [...REQUIRED, 'merchant_prepare_id'] : REQUIRED;
	for (const name of required)
		if (typeof fields[name] !== 'string') throw new ClickRefusal(CLICK_ERRORS.request);
	const f = fields as ClickFields;
	const signTimeMs = parseTashkentTime(f.sign_time);
	if (
		!/^\d{1,15}$/.test(f.click_trans_id) ||
		!/^\d{1,15}$/.test(f.service_id) ||
		!/^\d{1,20}$/.test(f.click_paydoc_id) ||
		!/^-?\d{1,9}$/.test(f.error) ||
		f.merchant_trans_id.length > 100 ||
		f.error_note.length > 1000 ||
		signTimeMs === null ||
		(action === 'complete' && !/^\d{1,15}$/.test(f.merchant_prepare_id))
	)
		throw new ClickRefusal(CLICK_ERRORS.request);
	return {
		clickTransId: f.click_trans_id,
		merchantTransId: f.merchant_trans_id,
		merchantPrepareId: action === 'complete' ? f.merchant_prepare_id : null,
		amountText: f.amount,
		error: Number(f.error),
		signTimeMs
	};
}

/** Then, in the published order: the signature (-1), the action (-3), and our service (-8). */
function checkSigned(
	fields: Record<string, string>,
	action: ClickAction,
	settings: ClickSettings
): void {
	const f = fields as ClickFields;
	const expected = clickSignString(f, settings.secretKey);
	if (!/^[0-9a-f]{32}$/i.test(f.sign_string) || !sameHex(f.sign_string, expected))
		throw new ClickRefusal(CLICK_ERRORS.sign);
	if (f.action !== CLICK_ACTION[action]) throw new ClickRefusal(CLICK_ERRORS.action);
	if (f.service_id !== settings.serviceId) throw new ClickRefusal(CLICK_ERRORS.request);
}

function amountOf(r: ClickRequest): number {
	const tiyin = trySomTextToTiyin(r.amountText);
	if (tiyin === null || !isPaymentAmount(tiyin)) throw new ClickRefusal(CLICK_ERRORS.amount);
	return tiyin;
}

function accountNumberOf(db: Db, accountId: number): string {
	return db.$client
		.prepare('select number from accounts where id = ?')
		.pluck()
		.get(accountId) as string;
}

const REFUSAL_CODES: Record<PaymentRefusal, ClickCode> = {
	account_not_found: CLICK_ERRORS.user,
	order_not_found: CLICK_ERRORS.user,
	order_other_account: CLICK_ERRORS.user,
	amount_out_of_range: CLICK_ERRORS.amount,
	order_amount_differs: CLICK_ERRORS.amount,
	// Another Click attempt holds the order; this one is refused for good, and Click releases
	// the money it reserved.
	order_busy: CLICK_ERRORS.cancelled,
	order_closed: CLICK_ERRORS.cancelled,
	transaction_not_found: CLICK_ERRORS.transaction,
	transaction_differs: CLICK_ERRORS.request,
	cannot_perform: CLICK_ERRORS.cancelled,
	timed_out: CLICK_ERRORS.cancelled
};

function stateRefusal(
	tx: PaymentTransaction,
	idField: 'merchant_confirm_id' | 'merchant_prepare_id'
) {
	return tx.state === 2
		? new ClickRefusal(CLICK_ERRORS.alreadyPaid, { [idField]: tx.id })
		: new ClickRefusal(CLICK_ERRORS.cancelled);
}

function prepare(db: Db, r: ClickRequest, nowMs: number): ClickAnswer {
	const payee = parseMerchantTransId(r.merchantTransId);
	const amountTiyin = amountOf(r);
	if (!payee) throw new ClickRefusal(CLICK_ERRORS.user);
	const existing = findTransaction(db, 'click', r.clickTransId);
	if (existing && existing.state !== 1) throw stateRefusal(existing, 'merchant_prepare_id');
	if (r.error < 0) {
		// Click reports the attempt failed before it asked: nothing to open, a pending one ends.
		if (existing)
			cancelTransaction(db, {
				operator: 'click',
				operatorTxId: r.clickTransId,
				reason: CLICK_CANCEL_REASON,
				nowMs
			});
		throw new ClickRefusal(CLICK_ERRORS.cancelled);
	}
	let accountNumber: string;
	if (payee.orderId === null) accountNumber = payee.accountNumber;
	else {
		const order = findOrder(db, payee.orderId);
		if (!order || order.operator !== 'click') throw new ClickRefusal(CLICK_ERRORS.user);
		if (order.status === 'paid' && !existing) throw new ClickRefusal(CLICK_ERRORS.alreadyPaid);
		accountNumber = accountNumberOf(db, order.accountId);
	}
	const tx = createTransaction(db, {
		operator: 'click',
		operatorTxId: r.clickTransId,
		accountNumber,
		orderId: payee.orderId,
		amountTiyin,
		operatorTimeMs: r.signTimeMs,
		nowMs
	});
	return {
		click_trans_id: Number(r.clickTransId),
		merchant_trans_id: r.merchantTransId,
		merchant_prepare_id: tx.id,
		...CLICK_ERRORS.success
	};
}

type Completed = { answer: ClickAnswer; performed: PaymentTransaction | null };

function complete(db: Db, r: ClickRequest, nowMs: number): Completed {
	const payee = parseMerchantTransId(r.merchantTransId);
	const amountTiyin = amountOf(r);
	if (!payee) throw new ClickRefusal(CLICK_ERRORS.user);
	// One write transaction around the look and the perform: of twenty Completes racing for
	// one transaction exactly one performs it and the others see it performed (-4, as
	// published), never a second success. transactions.ts's own transactions nest as savepoints.
	return db.$client
		.transaction((): Completed => {
			const tx = findTransaction(db, 'click', r.clickTransId);
			if (!tx || String(tx.id) !== r.merchantPrepareId)
				throw new ClickRefusal(CLICK_ERRORS.transaction);
			const samePayee =
				payee.orderId === null
					? tx.orderId === null && tx.accountNumber === payee.accountNumber
					: tx.orderId === payee.orderId;
			if (!samePayee) throw new ClickRefusal(CLICK_ERRORS.transaction);
			if (tx.amountTiyin !== amountTiyin) throw new ClickRefusal(CLICK_ERRORS.amount);
			if (tx.state !== 1) throw stateRefusal(tx, 'merchant_confirm_id');
			if (r.error < 0) {
				// Published: on a negative error from Click, cancel the payment and answer -9.
				cancelTransaction(db, {
					operator: 'click',
					operatorTxId: r.clickTransId,
					reason: CLICK_CANCEL_REASON,
					nowMs
				});
				return { answer: refusalAnswer(r, CLICK_ERRORS.cancelled), performed: null };
			}
			let performed: PaymentTransaction;
			try {
				performed = performTransaction(db, {
					operator: 'click',
					operatorTxId: r.clickTransId,
					nowMs
				});
			} catch (e) {
				// The timeout's cancellation must be committed, so it is answered, not thrown.
				if (e instanceof PaymentError)
					return { answer: refusalAnswer(r, REFUSAL_CODES[e.refusal]), performed: null };
				throw e;
			}
			return {
				answer: {
					click_trans_id: Number(r.clickTransId),
					merchant_trans_id: r.merchantTransId,
					merchant_confirm_id: performed.id,
					...CLICK_ERRORS.success
				},
				performed
			};
		})
		.immediate();
}

function refusalAnswer(
	r: Pick<ClickRequest, 'clickTransId' | 'merchantTransId'> | null,
	code: { error: number; error_note: string },
	extra: Partial<ClickAnswer> = {}
): ClickAnswer {
	return r
		? {
				click_trans_id: Number(r.clickTransId),
				merchant_trans_id: r.merchantTransId,
				...extra,
				...code
			}
		: { ...code };
}

export interface ClickSettings {
	serviceId: string;
	secretKey: string;
}

/** Click's settings from the environment, or undefined while any is missing. */
export function clickSettings(): ClickSettings | undefined {
	const serviceId = config.clickServiceId;
	const secretKey = config.clickSecretKey;
	if (!serviceId || !secretKey || !config.clickMerchantId) return undefined;
	return { serviceId, secretKey };
}

/** Answers one Prepare or Complete from Click. Never throws for anything the request carries. */
export async function answerClick(
	request: Request,
	action: ClickAction,
	env: {
		db: () => Db;
		settings: ClickSettings | undefined;
		nowMs: () => number;
		/** Tells the account's open apps that its balance moved (an SSE poke). */
		onBalanceMoved?: (accountId: number) => void;
	}
): Promise<ClickAnswer> {
	let r: ClickRequest | null = null;
	try {
		if (!env.settings) throw new ClickRefusal(NOT_CONFIGURED);
		const read = await readFields(request, MAX_CLICK_BODY_BYTES);
		if (!read.ok) throw new ClickRefusal(CLICK_ERRORS.request);
		r = shapeOf(read.fields, action);
		checkSigned(read.fields, action, env.settings);
		if (action === 'prepare') return prepare(env.db(), r, env.nowMs());
		const { answer, performed } = complete(env.db(), r, env.nowMs());
		if (performed) env.onBalanceMoved?.(performed.accountId);
		return answer;
	} catch (e) {
		if (e instanceof ClickRefusal) return refusalAnswer(r, e.code, e.extra);
		if (e instanceof PaymentError) return refusalAnswer(r, REFUSAL_CODES[e.refusal]);
		console.error('Click request failed', e);
		return refusalAnswer(r, CLICK_ERRORS.update);
	}
}

/**
 * Click's payment-button link (docs.click.uz, "Payment button"): service_id, merchant_id,
 * amount in so'm, transaction_param (Click sends it back as merchant_trans_id) and return_url.
 * Without CLICK_CHECKOUT_URL the demo points it at its own sandbox.
 */
export const clickOperator: PaymentOperatorAdapter = {
	id: 'click',
	configured: () => clickSettings() !== undefined,
	async checkoutUrl({ order, returnUrl, origin }) {
		const link = new URL(config.clickCheckoutUrl ?? `${origin}/sandbox/click`);
		link.searchParams.set('service_id', config.clickServiceId ?? '');
		link.searchParams.set('merchant_id', config.clickMerchantId ?? '');
		link.searchParams.set('amount', tiyinToSomText(order.amountTiyin));
		link.searchParams.set('transaction_param', `order:${order.id}`);
		link.searchParams.set('return_url', returnUrl);
		const merchantUserId = config.clickMerchantUserId;
		if (merchantUserId) link.searchParams.set('merchant_user_id', merchantUserId);
		return link.toString();
	}
};
