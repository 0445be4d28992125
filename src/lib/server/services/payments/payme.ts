import type { Db } from '../../db';
import { parseAddressList } from '../../http/addressList';
import { operatorKeyMatches, setOperatorKey } from './operatorKeys';
import { JSON_CONTENT_TYPE, readBoundedBody } from './body';
import { PaymentError, type PaymentRefusal } from './errors';
import { isPaymentAmount } from './limits';
import {
	cancelTransaction,
	checkPayable,
	createTransaction,
	findTransaction,
	listTransactions,
	performTransaction,
	type PaymentTransaction
} from './transactions';

/**
 * Payme's Merchant API (JSON-RPC 2.0, Payme calls Tok): a thin adapter from Payme's methods,
 * fields and error codes to the payments service. Every answer is a JSON-RPC body (the route
 * sends it with HTTP 200), whatever the request was.
 */

type Text = { ru: string; uz: string; en: string };

export interface PaymeAnswer {
	jsonrpc: '2.0';
	id: number | string | null;
	result?: unknown;
	error?: { code: number; message: Text; data?: string };
}

class PaymeError extends Error {
	constructor(
		readonly code: number,
		readonly text: Text,
		readonly data?: string
	) {
		super(text.en);
	}
}

const T = {
	parse: {
		ru: 'Ошибка разбора JSON',
		uz: 'JSON tahlil qilishda xato',
		en: 'The request is not valid JSON'
	},
	invalid: {
		ru: 'Неверный запрос JSON-RPC',
		uz: "JSON-RPC so'rovi noto'g'ri",
		en: 'The JSON-RPC request is invalid'
	},
	field: {
		ru: 'Поле отсутствует или имеет неверный тип',
		uz: "Maydon yo'q yoki turi noto'g'ri",
		en: 'A field is missing or has the wrong type'
	},
	method: { ru: 'Метод не найден', uz: 'Usul topilmadi', en: 'Method not found' },
	auth: {
		ru: 'Недостаточно привилегий для выполнения метода',
		uz: 'Usulni bajarish uchun huquq yetarli emas',
		en: 'Insufficient privileges to perform this method'
	},
	notConfigured: {
		ru: 'Приём платежей Payme не настроен на этом сервере',
		uz: "Bu serverda Payme to'lovlari sozlanmagan",
		en: 'Payme payments are not configured on this server'
	},
	address: {
		ru: 'Запрос пришёл не с адреса Payme',
		uz: "So'rov Payme manzilidan kelmagan",
		en: "The request does not come from one of Payme's addresses"
	},
	notPost: {
		ru: 'Метод запроса должен быть POST',
		uz: "So'rov usuli POST bo'lishi kerak",
		en: 'The request method must be POST'
	},
	system: { ru: 'Системная ошибка', uz: 'Tizim xatosi', en: 'System error' }
} satisfies Record<string, Text>;

const REFUSALS: Record<PaymentRefusal, { code: number; text: Text }> = {
	amount_out_of_range: {
		code: -31001,
		text: {
			ru: 'Неверная сумма',
			uz: "Noto'g'ri summa",
			en: "Wrong amount: a whole number of tiyin between 1,000 and 100,000,000 so'm"
		}
	},
	order_amount_differs: {
		code: -31001,
		text: {
			ru: 'Сумма не совпадает с суммой заказа',
			uz: 'Summa buyurtma summasiga mos emas',
			en: "The amount differs from the order's"
		}
	},
	account_not_found: {
		code: -31050,
		text: {
			ru: 'Лицевой счёт не найден',
			uz: 'Shaxsiy hisob topilmadi',
			en: 'No such personal account'
		}
	},
	order_not_found: {
		code: -31051,
		text: { ru: 'Заказ не найден', uz: 'Buyurtma topilmadi', en: 'No such order' }
	},
	order_other_account: {
		code: -31052,
		text: {
			ru: 'Заказ относится к другому лицевому счёту',
			uz: 'Buyurtma boshqa shaxsiy hisobga tegishli',
			en: 'The order belongs to another personal account'
		}
	},
	order_closed: {
		code: -31053,
		text: {
			ru: 'Заказ уже оплачен или закрыт',
			uz: "Buyurtma allaqachon to'langan yoki yopilgan",
			en: 'The order is already paid or closed'
		}
	},
	order_busy: {
		code: -31099,
		text: {
			ru: 'По заказу уже есть ожидающая транзакция',
			uz: 'Buyurtma uchun kutilayotgan tranzaksiya bor',
			en: 'The order already has a pending transaction'
		}
	},
	transaction_not_found: {
		code: -31003,
		text: {
			ru: 'Транзакция не найдена',
			uz: 'Tranzaksiya topilmadi',
			en: 'Transaction not found'
		}
	},
	transaction_differs: {
		code: -31008,
		text: {
			ru: 'Транзакция с этим id создана с другими параметрами',
			uz: 'Bu id bilan tranzaksiya boshqa parametrlar bilan yaratilgan',
			en: 'A transaction with this id was created with other parameters'
		}
	},
	cannot_perform: {
		code: -31008,
		text: {
			ru: 'Невозможно выполнить операцию',
			uz: "Amalni bajarib bo'lmaydi",
			en: 'The operation cannot be performed in this state'
		}
	},
	timed_out: {
		code: -31008,
		text: {
			ru: 'Истекло время ожидания транзакции (12 часов)',
			uz: 'Tranzaksiyani kutish vaqti tugadi (12 soat)',
			en: 'The transaction timed out (12 hours)'
		}
	}
};

const CANCEL_REASONS = new Set([1, 2, 3, 4, 5, 10]);
const TX_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A JSON-RPC request to Payme's endpoint is a few hundred bytes; far more is not Payme. */
export const MAX_PAYME_BODY_BYTES = 64 * 1024;

type Params = Record<string, unknown>;

function fieldError(field: string): PaymeError {
	return new PaymeError(-32600, T.field, field);
}

function txId(p: Params): string {
	if (typeof p.id !== 'string' || !TX_ID.test(p.id)) throw fieldError('id');
	return p.id;
}

function timeMs(p: Params, field: string): number {
	const v = p[field];
	if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw fieldError(field);
	return v;
}

function payable(p: Params): {
	accountNumber: string;
	orderId: string | null;
	amountTiyin: number;
} {
	// Checked before the account so that a wrong amount is -31001 whatever the account says.
	if (!isPaymentAmount(p.amount))
		throw new PaymeError(-31001, REFUSALS.amount_out_of_range.text, 'amount');
	const account = p.account;
	if (typeof account !== 'object' || account === null || Array.isArray(account))
		throw new PaymeError(-31050, REFUSALS.account_not_found.text, 'account');
	const a = account as Params;
	if (typeof a.account !== 'string' || !/^\d{1,20}$/.test(a.account))
		throw new PaymeError(-31050, REFUSALS.account_not_found.text, 'account');
	if (a.order !== undefined && (typeof a.order !== 'string' || a.order.length > 64))
		throw new PaymeError(-31051, REFUSALS.order_not_found.text, 'order');
	return {
		accountNumber: a.account,
		orderId: (a.order as string | undefined) ?? null,
		amountTiyin: p.amount
	};
}

const tid = (tx: PaymentTransaction) => String(tx.id);

function details(tx: PaymentTransaction) {
	return {
		create_time: tx.createdAtMs,
		perform_time: tx.performedAtMs ?? 0,
		cancel_time: tx.cancelledAtMs ?? 0,
		transaction: tid(tx),
		state: tx.state,
		reason: tx.reason
	};
}

type Poke = (accountId: number) => void;

/** Payme's new keys are random strings of a few dozen characters. */
const NEW_KEY = /^[\x21-\x7e]{8,256}$/;

const METHODS: Record<string, (db: Db, p: Params, nowMs: number, poke: Poke) => unknown> = {
	CheckPerformTransaction(db, p, nowMs) {
		checkPayable(db, 'payme', { ...payable(p), nowMs });
		return { allow: true };
	},
	CreateTransaction(db, p, nowMs) {
		const operatorTxId = txId(p);
		const operatorTimeMs = timeMs(p, 'time');
		const tx = createTransaction(db, {
			...payable(p),
			operator: 'payme',
			operatorTxId,
			operatorTimeMs,
			nowMs
		});
		return { create_time: tx.createdAtMs, transaction: tid(tx), state: tx.state };
	},
	PerformTransaction(db, p, nowMs, poke) {
		const tx = performTransaction(db, { operator: 'payme', operatorTxId: txId(p), nowMs });
		poke(tx.accountId);
		return { transaction: tid(tx), perform_time: tx.performedAtMs, state: tx.state };
	},
	CancelTransaction(db, p, nowMs, poke) {
		const operatorTxId = txId(p);
		if (typeof p.reason !== 'number' || !CANCEL_REASONS.has(p.reason)) throw fieldError('reason');
		const tx = cancelTransaction(db, { operator: 'payme', operatorTxId, reason: p.reason, nowMs });
		if (tx.state === -2) poke(tx.accountId);
		return { transaction: tid(tx), cancel_time: tx.cancelledAtMs, state: tx.state };
	},
	CheckTransaction(db, p) {
		const tx = findTransaction(db, 'payme', txId(p));
		if (!tx) throw new PaymentError('transaction_not_found', 'id');
		return details(tx);
	},
	GetStatement(db, p) {
		const from = timeMs(p, 'from');
		const to = timeMs(p, 'to');
		if (to < from) throw fieldError('to');
		return {
			transactions: listTransactions(db, 'payme', from, to).map((tx) => ({
				id: tx.operatorTxId,
				time: tx.operatorTimeMs,
				amount: tx.amountTiyin,
				account: tx.orderId
					? { account: tx.accountNumber, order: tx.orderId }
					: { account: tx.accountNumber },
				...details(tx),
				receivers: null
			}))
		};
	},
	ChangePassword(db, p, nowMs) {
		// Payme sends the key it will use from now on, authenticated with the current one.
		if (typeof p.password !== 'string' || !NEW_KEY.test(p.password)) throw fieldError('password');
		setOperatorKey(db, 'payme', p.password, nowMs);
		return { success: true };
	}
};

/**
 * Whether `authorization` is `Basic base64(Paycom:<key>)`, the key being the one Payme last set
 * with ChangePassword or else PAYME_KEY, compared in constant time.
 */
export function paymeAuthorized(db: Db, authorization: string | null, envKey: string): boolean {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
	if (!match) return false;
	const given = Buffer.from(match[1], 'base64').toString('utf8');
	const login = given.startsWith('Paycom:');
	const password = login ? given.slice('Paycom:'.length) : '';
	// Compared even for a wrong login, so that the time taken does not tell which part was wrong.
	return operatorKeyMatches(db, 'payme', password, envKey) && login;
}

/** An answer for a request that is not a POST (Payme's -32300). */
export function notPostAnswer(): PaymeAnswer {
	return { jsonrpc: '2.0', id: null, error: { code: -32300, message: T.notPost } };
}

const allowLists = new Map<string, (address: string) => boolean>();
function allowedAddress(list: string, address: string): boolean {
	let allows = allowLists.get(list);
	if (!allows) allowLists.set(list, (allows = parseAddressList('PAYME_ALLOWED_IPS', list)));
	return allows(address);
}

/**
 * What the answer needs of one request from Payme: taken from a Web Request by SvelteKit's route
 * (paymeCallOf), or from Node's own request by the route that answers ahead of SvelteKit
 * (paymeNodeRoute.ts).
 */
export interface PaymeCall {
	contentType: string | null;
	authorization: string | null;
	/** The body's text, at most `maxBytes`; undefined past them or on a broken connection. */
	body(maxBytes: number): Promise<string | undefined>;
}

export function paymeCallOf(request: Request): PaymeCall {
	return {
		contentType: request.headers.get('content-type'),
		authorization: request.headers.get('authorization'),
		body: (maxBytes) => readBoundedBody(request, maxBytes)
	};
}

/**
 * Answers one request from Payme. `key` is the merchant key (PAYME_KEY), undefined when Payme is
 * not configured. Never throws for anything the request carries.
 */
export async function answerPayme(
	call: PaymeCall,
	env: {
		db: () => Db;
		key: string | undefined;
		nowMs: () => number;
		/** Tells the account's open apps that its balance moved (an SSE poke). */
		onBalanceMoved?: Poke;
		/** PAYME_ALLOWED_IPS: addresses and CIDR ranges Payme calls from; unset, any. */
		allowedIps?: string;
		/** The caller's address (clientAddressOf), checked against `allowedIps`. */
		clientAddress?: string;
	}
): Promise<PaymeAnswer> {
	let id: PaymeAnswer['id'] = null;
	try {
		if (!env.key) throw new PaymeError(-32400, T.notConfigured);
		if (!JSON_CONTENT_TYPE.test(call.contentType ?? ''))
			throw new PaymeError(-32600, T.invalid, 'content-type');
		// Past the limit, or a dropped connection (adapter-node's BODY_SIZE_LIMIT): read to its end
		// first, so that Payme still gets a JSON-RPC answer.
		const text = await call.body(MAX_PAYME_BODY_BYTES);
		if (text === undefined) throw new PaymeError(-32600, T.invalid, 'body');
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			throw new PaymeError(-32700, T.parse);
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body))
			throw new PaymeError(-32600, T.invalid);
		const rpc = body as Params;
		if (typeof rpc.id === 'number' || typeof rpc.id === 'string') id = rpc.id;
		if (env.allowedIps && !allowedAddress(env.allowedIps, env.clientAddress ?? ''))
			throw new PaymeError(-32504, T.address);
		const db = env.db();
		if (!paymeAuthorized(db, call.authorization, env.key)) throw new PaymeError(-32504, T.auth);
		if (typeof rpc.method !== 'string') throw new PaymeError(-32600, T.invalid, 'method');
		if (typeof rpc.params !== 'object' || rpc.params === null || Array.isArray(rpc.params))
			throw new PaymeError(-32600, T.invalid, 'params');
		const method = Object.hasOwn(METHODS, rpc.method) ? METHODS[rpc.method] : undefined;
		if (!method) throw new PaymeError(-32601, T.method, 'method');
		return {
			jsonrpc: '2.0',
			id,
			result: method(db, rpc.params as Params, env.nowMs(), env.onBalanceMoved ?? (() => {}))
		};
	} catch (e) {
		if (e instanceof PaymeError)
			return { jsonrpc: '2.0', id, error: { code: e.code, message: e.text, data: e.data } };
		if (e instanceof PaymentError) {
			const r = REFUSALS[e.refusal];
			return { jsonrpc: '2.0', id, error: { code: r.code, message: r.text, data: e.field } };
		}
		console.error('Payme request failed', e);
		return { jsonrpc: '2.0', id, error: { code: -32400, message: T.system } };
	}
}
