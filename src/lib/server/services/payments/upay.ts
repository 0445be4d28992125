import type { Db } from '../../db';
import { config } from '../../config';
import { trySomTextToTiyin, tiyinToSomText } from '../../../domain/payments/soms';
import { parseTashkentTime } from '../../../domain/payments/tashkentTime';
import { readFields } from './body';
import { PaymentError, type PaymentRefusal } from './errors';
import { isPaymentAmount, MIN_PAYMENT_TIYIN, PENDING_TIMEOUT_MS } from './limits';
import { findOrder } from './orders';
import type { PaymentOperatorAdapter } from './adapter';
import {
	checkPayable,
	createTransaction,
	findTransaction,
	performTransaction,
	type PaymentTransaction
} from './transactions';
import {
	DEFAULT_UPAY_CHECK_TOKEN,
	DEFAULT_UPAY_PAY_TOKEN,
	parseUpayTokenFormula,
	UPAY_CHECK_FIELDS,
	UPAY_PAY_FIELDS,
	UPAY_TOKEN_HASHES,
	upayToken,
	upayTokenMatches,
	type UpayTokenFormula,
	type UpayTokenHash
} from './upayToken';

/**
 * UPay's provider interface (UPay calls Tok): `check` asks whether a personal account can be
 * paid, `pay` reports a payment UPay has already taken, in one step. JSON or form fields,
 * answered `{"status": int, "message": text}` with HTTP 200 whatever came in. The token formula,
 * its hash and the status numbers are contract settings (see README). `pay` is deduplicated on
 * upayTransId: a repeat answers the same and credits once.
 */

export interface UpayAnswer {
	status: number;
	message: string;
}

export const UPAY_STATUS_KINDS = [
	'ok',
	'token',
	'account',
	'amount',
	'order',
	'duplicate',
	'request',
	'notConfigured',
	'error'
] as const;
export type UpayStatusKind = (typeof UPAY_STATUS_KINDS)[number];
export type UpayStatuses = Record<UpayStatusKind, number>;

/** Tok's defaults, overridden one by one with UPAY_STATUSES (`ok=1,token=4,…`). */
export const DEFAULT_UPAY_STATUSES: UpayStatuses = {
	ok: 1,
	token: 2,
	account: 3,
	amount: 4,
	order: 5,
	duplicate: 6,
	request: 7,
	notConfigured: 8,
	error: 9
};

/** What UPay's operators read in their monitoring; UPay's own texts are Russian. */
const MESSAGES: Record<UpayStatusKind, string> = {
	ok: 'Успешно',
	token: 'Неверный accessToken',
	account: 'Лицевой счёт не найден',
	amount: 'Неверная сумма: от 1 000 до 100 000 000 сум, не больше двух знаков после точки',
	order: 'Заказ не найден, уже оплачен или закрыт',
	duplicate: 'Платёж с этим upayTransId уже проведён с другой суммой или на другой счёт',
	request: 'Неверный запрос',
	notConfigured: 'Приём платежей UPAY на этом сервере не настроен',
	error: 'Системная ошибка'
};

/** `ok=1,token=4` over the defaults; null when a kind is unknown or a value not an integer. */
export function parseUpayStatuses(text: string | undefined): UpayStatuses | null {
	const statuses = { ...DEFAULT_UPAY_STATUSES };
	if (!text) return statuses;
	for (const pair of text.split(',')) {
		const match = /^\s*(\w+)\s*=\s*(-?\d{1,9})\s*$/.exec(pair);
		if (!match || !(UPAY_STATUS_KINDS as readonly string[]).includes(match[1])) return null;
		statuses[match[1] as UpayStatusKind] = Number(match[2]);
	}
	return statuses;
}

export interface UpaySettings {
	serviceId: string;
	secret: string;
	checkToken: UpayTokenFormula;
	payToken: UpayTokenFormula;
	hash: UpayTokenHash;
	statuses: UpayStatuses;
}

/** UPay's settings from the environment, or undefined while a key is missing or one is malformed. */
export function upaySettings(): UpaySettings | undefined {
	const serviceId = config.upayServiceId;
	const secret = config.upaySecret;
	if (!serviceId || !secret) return undefined;
	const checkToken = parseUpayTokenFormula(
		config.upayCheckToken ?? DEFAULT_UPAY_CHECK_TOKEN,
		UPAY_CHECK_FIELDS
	);
	const payToken = parseUpayTokenFormula(
		config.upayPayToken ?? DEFAULT_UPAY_PAY_TOKEN,
		UPAY_PAY_FIELDS
	);
	const hash = (config.upayTokenHash ?? 'md5') as UpayTokenHash;
	const statuses = parseUpayStatuses(config.upayStatuses);
	if (!checkToken || !payToken || !UPAY_TOKEN_HASHES.includes(hash) || !statuses) {
		console.error(
			'UPay is not configured: UPAY_CHECK_TOKEN, UPAY_PAY_TOKEN, UPAY_TOKEN_HASH or UPAY_STATUSES is malformed'
		);
		return undefined;
	}
	return { serviceId, secret, checkToken, payToken, hash, statuses };
}

/**
 * personalAccount: the account number, or — for a payment from the app — the account number,
 * a colon and Tok's order id (`1726001001:<order id>`), which the checkout link puts there.
 */
export type UpayPayee = { accountNumber: string; orderId: string | null };

export function parsePersonalAccount(text: string): UpayPayee | null {
	const match = /^(\d{1,20})(?::([A-Za-z0-9_-]{1,64}))?$/.exec(text);
	return match ? { accountNumber: match[1], orderId: match[2] ?? null } : null;
}

class UpayRefusal extends Error {
	constructor(readonly kind: UpayStatusKind) {
		super(kind);
	}
}

const REFUSAL_KINDS: Record<PaymentRefusal, UpayStatusKind> = {
	account_not_found: 'account',
	order_not_found: 'order',
	order_other_account: 'order',
	order_closed: 'order',
	order_busy: 'order',
	amount_out_of_range: 'amount',
	order_amount_differs: 'amount',
	transaction_differs: 'duplicate',
	transaction_not_found: 'error',
	cannot_perform: 'duplicate',
	timed_out: 'error'
};

const MAX_UPAY_BODY_BYTES = 16 * 1024;

function text(fields: Record<string, string>, name: string, max: number): string {
	const value = fields[name];
	if (typeof value !== 'string' || value.length === 0 || value.length > max)
		throw new UpayRefusal('request');
	return value;
}

function checkToken(
	fields: Record<string, string>,
	formula: UpayTokenFormula,
	settings: UpaySettings
): void {
	const given = text(fields, 'accessToken', 128);
	const expected = upayToken(formula, fields, settings.secret, settings.hash);
	if (!upayTokenMatches(given, expected)) throw new UpayRefusal('token');
}

function payeeOf(fields: Record<string, string>): UpayPayee {
	const payee = parsePersonalAccount(text(fields, 'personalAccount', 100));
	if (!payee) throw new UpayRefusal('account');
	return payee;
}

function check(db: Db, fields: Record<string, string>, settings: UpaySettings): void {
	checkToken(fields, settings.checkToken, settings);
	const payee = payeeOf(fields);
	const order = payee.orderId === null ? null : findOrder(db, payee.orderId);
	if (payee.orderId !== null && (!order || order.operator !== 'upay'))
		throw new UpayRefusal('order');
	// With an order: its own amount; without: any amount in range, only the account is asked.
	checkPayable(db, 'upay', {
		accountNumber: payee.accountNumber,
		orderId: payee.orderId,
		amountTiyin: order?.amountTiyin ?? MIN_PAYMENT_TIYIN
	});
}

type Paid = { tx: PaymentTransaction; credited: boolean };

function pay(db: Db, fields: Record<string, string>, settings: UpaySettings, nowMs: number): Paid {
	const transId = text(fields, 'upayTransId', 20);
	if (!/^\d{1,20}$/.test(transId)) throw new UpayRefusal('request');
	const amountText = text(fields, 'upayPaymentAmount', 30);
	const timeText = fields.upayTransTime;
	const upayTimeMs = timeText === undefined ? nowMs : parseTashkentTime(timeText);
	if (upayTimeMs === null) throw new UpayRefusal('request');
	checkToken(fields, settings.payToken, settings);
	const amountTiyin = trySomTextToTiyin(amountText);
	if (amountTiyin === null || !isPaymentAmount(amountTiyin)) throw new UpayRefusal('amount');
	const payee = payeeOf(fields);
	// UPay has taken the money already: a pay that comes late is still credited (under
	// Tok's own time, since the service would refuse a create past the pending timeout).
	const operatorTimeMs = nowMs - upayTimeMs < PENDING_TIMEOUT_MS - 60_000 ? upayTimeMs : nowMs;
	// Create and perform in one write transaction (transactions.ts's own nest as savepoints):
	// UPay pays in one step, so a repeat — or twenty at once — finds the payment performed,
	// never half done, and credits nothing more.
	return db.$client
		.transaction((): Paid => {
			const existing = findTransaction(db, 'upay', transId);
			if (existing) {
				if (
					existing.accountNumber !== payee.accountNumber ||
					existing.orderId !== payee.orderId ||
					existing.amountTiyin !== amountTiyin
				)
					throw new UpayRefusal('duplicate');
				if (existing.state === 2) return { tx: existing, credited: false };
				if (existing.state !== 1) throw new UpayRefusal('duplicate');
			}
			createTransaction(db, {
				operator: 'upay',
				operatorTxId: transId,
				accountNumber: payee.accountNumber,
				orderId: payee.orderId,
				amountTiyin,
				operatorTimeMs,
				nowMs
			});
			return {
				tx: performTransaction(db, { operator: 'upay', operatorTxId: transId, nowMs }),
				credited: true
			};
		})
		.immediate();
}

/** Answers one check or pay from UPay. Never throws for anything the request carries. */
export async function answerUpay(
	request: Request,
	kind: 'check' | 'pay',
	env: {
		db: () => Db;
		settings: UpaySettings | undefined;
		nowMs: () => number;
		onBalanceMoved?: (accountId: number) => void;
	}
): Promise<UpayAnswer> {
	const settings = env.settings;
	const answer = (k: UpayStatusKind): UpayAnswer => ({
		status: (settings?.statuses ?? DEFAULT_UPAY_STATUSES)[k],
		message: MESSAGES[k]
	});
	try {
		if (!settings) return answer('notConfigured');
		const read = await readFields(request, MAX_UPAY_BODY_BYTES);
		if (!read.ok) return answer('request');
		if (kind === 'check') check(env.db(), read.fields, settings);
		else {
			const { tx, credited } = pay(env.db(), read.fields, settings, env.nowMs());
			if (credited) env.onBalanceMoved?.(tx.accountId);
		}
		return answer('ok');
	} catch (e) {
		if (e instanceof UpayRefusal) return answer(e.kind);
		if (e instanceof PaymentError) return answer(REFUSAL_KINDS[e.refusal]);
		console.error('UPay request failed', e);
		return answer('error');
	}
}

/**
 * UPay's payment link: `prePay.do?serviceId=…&personalAccount=…&amount=…&apiVersion=1`, amount
 * in so'm, personalAccount `<account>:<order id>`. Without UPAY_CHECKOUT_URL the demo points it
 * at its own sandbox. UPay's link has no return address: UPay's cabinet holds it.
 */
export const upayOperator: PaymentOperatorAdapter = {
	id: 'upay',
	configured: () => upaySettings() !== undefined,
	async checkoutUrl({ order, accountNumber, origin }) {
		const link = new URL(config.upayCheckoutUrl ?? `${origin}/sandbox/upay`);
		link.searchParams.set('serviceId', config.upayServiceId ?? '');
		link.searchParams.set('personalAccount', `${accountNumber}:${order.id}`);
		link.searchParams.set('amount', tiyinToSomText(order.amountTiyin));
		link.searchParams.set('apiVersion', '1');
		return link.toString();
	}
};
