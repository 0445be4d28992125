import type { Db } from '../../db';
import { config } from '../../config';
import { PaymentError, type PaymentRefusal } from './errors';
import { isPaymentAmount } from './limits';
import { basicCredentials } from './basicAuth';
import { isJsonContentType, parseJsonObject, readBoundedBody } from './body';
import { operatorKeyMatches, setOperatorKey } from './operatorKeys';
import { formatTashkentTime, parseTashkentTime } from './tashkentTime';
import type { PaymentOperatorAdapter } from './adapter';
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
 * Paynet's provider service (JSON-RPC 2.0; Paynet calls Tok when someone pays a personal
 * account at a Paynet kiosk or in its app): a thin adapter from Paynet's methods, fields and
 * codes to the payments service. A payment is one step (PerformTransaction), so it is created
 * and performed in one transaction. Wrong or missing credentials are HTTP 401; every other
 * answer is HTTP 200 with a JSON-RPC body.
 */

export const PAYNET_CODES = {
	ok: 0,
	insufficientToCancel: 77,
	serviceUnavailable: 100,
	systemError: 102,
	unknownError: 103,
	transactionExists: 201,
	transactionCancelled: 202,
	transactionNotFound: 203,
	clientNotFound: 302,
	serviceNotFound: 305,
	missingParameter: 411,
	wrongLogin: 412,
	wrongAmount: 413,
	wrongTime: 414,
	parse: -32700,
	invalidRequest: -32600,
	methodNotFound: -32601
} as const;

/** Paynet's `transactionState`. */
export const PAYNET_STATE = { done: 1, cancelled: 2, notFound: 3 } as const;

const MESSAGES: Record<number, string> = {
	100: 'Услуга временно не поддерживается (Paynet не настроен на этом сервере)',
	102: 'Системная ошибка',
	201: 'Транзакция уже существует',
	202: 'Транзакция уже отменена',
	203: 'Транзакция не найдена',
	302: 'Клиент не найден (нет такого лицевого счёта)',
	305: 'Услуга не найдена (неверный serviceId)',
	411: 'Не задан один или несколько обязательных параметров',
	412: 'Неверный логин или пароль',
	413: 'Неверная сумма: целое число тийинов от 1 000 до 100 000 000 сумов',
	414: 'Неверный формат даты и времени (yyyy-MM-dd HH:mm:ss, ташкентское время)',
	[-32700]: 'Ошибка разбора JSON',
	[-32600]: 'Неверный запрос JSON-RPC',
	[-32601]: 'Метод не найден'
};

export interface PaynetAnswer {
	status: number;
	body: {
		jsonrpc: '2.0';
		id: number | string | null;
		result?: unknown;
		error?: { code: number; message: string; data?: string };
	};
}

class PaynetError extends Error {
	constructor(
		readonly code: number,
		readonly data?: string
	) {
		super(MESSAGES[code] ?? String(code));
	}
}

const REFUSALS: Partial<Record<PaymentRefusal, number>> = {
	account_not_found: 302,
	amount_out_of_range: 413,
	transaction_not_found: 203,
	transaction_differs: 201,
	cannot_perform: 201,
	timed_out: 414
};

/** A JSON-RPC request to the provider service is a few hundred bytes. */
export const MAX_PAYNET_BODY_BYTES = 64 * 1024;
const ACCOUNT = /^\d{1,20}$/;
const TX_ID = /^\d{1,20}$/;

type Params = Record<string, unknown>;

function transactionId(p: Params): string {
	const v = p.transactionId;
	if (v === undefined || v === null) throw new PaynetError(411, 'transactionId');
	const text = typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? String(v) : v;
	if (typeof text !== 'string' || !TX_ID.test(text)) throw new PaynetError(411, 'transactionId');
	return text;
}

function account(p: Params): string {
	const fields = p.fields;
	if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
		throw new PaynetError(411, 'fields');
	const a = (fields as Params).account;
	if (a === undefined || a === null || a === '') throw new PaynetError(411, 'fields.account');
	const text = typeof a === 'number' && Number.isSafeInteger(a) ? String(a) : a;
	if (typeof text !== 'string' || !ACCOUNT.test(text)) throw new PaynetError(302, 'fields.account');
	return text;
}

function time(p: Params, field: string, required: boolean): number | undefined {
	const v = p[field];
	if (v === undefined) {
		if (required) throw new PaynetError(411, field);
		return undefined;
	}
	const ms = parseTashkentTime(v);
	if (ms === undefined) throw new PaynetError(414, field);
	return ms;
}

function checkService(p: Params): void {
	const v = p.serviceId;
	if (v === undefined) throw new PaynetError(411, 'serviceId');
	if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new PaynetError(305, 'serviceId');
	const own = config.paynetServiceId;
	if (own !== undefined && v !== own) throw new PaynetError(305, 'serviceId');
}

function stateOf(tx: PaymentTransaction | undefined): number {
	if (!tx) return PAYNET_STATE.notFound;
	return tx.state === 2 ? PAYNET_STATE.done : PAYNET_STATE.cancelled;
}

/** When Paynet's transaction last changed: its cancel, else its perform. */
const txTime = (tx: PaymentTransaction) =>
	formatTashkentTime(tx.cancelledAtMs ?? tx.performedAtMs ?? tx.createdAtMs);

type Poke = (accountId: number) => void;
type Method = (db: Db, p: Params, nowMs: number, poke: Poke) => unknown;

const METHODS: Record<string, Method> = {
	GetInformation(db, p, nowMs) {
		checkService(p);
		const accountNumber = account(p);
		const row = db.$client.prepare('select 1 from accounts where number = ?').get(accountNumber);
		if (!row) throw new PaynetError(302, 'fields.account');
		return {
			status: '0',
			timestamp: formatTashkentTime(nowMs),
			fields: { account: accountNumber }
		};
	},
	PerformTransaction(db, p, nowMs, poke) {
		checkService(p);
		const operatorTxId = transactionId(p);
		if (p.amount === undefined) throw new PaynetError(411, 'amount');
		if (!isPaymentAmount(p.amount)) throw new PaynetError(413, 'amount');
		const amountTiyin = p.amount;
		const accountNumber = account(p);
		const operatorTimeMs = time(p, 'transactionTime', false) ?? nowMs;
		// One step: created and performed in one transaction, so a repeat (even 20 at once, from
		// two processes) finds the performed row and is answered 201, and nothing is credited twice.
		const tx = db.$client
			.transaction(() => {
				if (findTransaction(db, 'paynet', operatorTxId))
					throw new PaynetError(201, 'transactionId');
				checkPayable(db, 'paynet', { accountNumber, amountTiyin });
				createTransaction(db, {
					operator: 'paynet',
					operatorTxId,
					accountNumber,
					amountTiyin,
					operatorTimeMs,
					nowMs
				});
				return performTransaction(db, { operator: 'paynet', operatorTxId, nowMs });
			})
			.immediate();
		poke(tx.accountId);
		return {
			providerTrnId: tx.id,
			timestamp: formatTashkentTime(tx.performedAtMs!),
			fields: { account: accountNumber }
		};
	},
	CheckTransaction(db, p, nowMs) {
		checkService(p);
		const tx = findTransaction(db, 'paynet', transactionId(p));
		return {
			transactionState: stateOf(tx),
			timestamp: tx ? txTime(tx) : formatTashkentTime(nowMs),
			providerTrnId: tx ? tx.id : 0
		};
	},
	CancelTransaction(db, p, nowMs, poke) {
		checkService(p);
		const operatorTxId = transactionId(p);
		// Read and cancel in one transaction, so that of two cancels at once only one is the
		// cancel and the other is told 202 (already cancelled).
		const tx = db.$client
			.transaction(() => {
				const before = findTransaction(db, 'paynet', operatorTxId);
				if (!before) throw new PaynetError(203, 'transactionId');
				if (before.state < 0) throw new PaynetError(202, 'transactionId');
				// Reason 1: cancelled by the operator. A refund may take the balance below zero
				// (the account then owes it), so Paynet's 77 (not enough to cancel) never applies.
				return cancelTransaction(db, { operator: 'paynet', operatorTxId, reason: 1, nowMs });
			})
			.immediate();
		poke(tx.accountId);
		return { providerTrnId: tx.id, timestamp: txTime(tx), transactionState: stateOf(tx) };
	},
	GetStatement(db, p) {
		checkService(p);
		const from = time(p, 'dateFrom', true)!;
		const to = time(p, 'dateTo', true)!;
		if (to < from) throw new PaynetError(414, 'dateTo');
		return {
			statements: listTransactions(db, 'paynet', from, to)
				.filter((tx) => tx.state === 2)
				.map((tx) => ({
					amount: tx.amountTiyin,
					providerTrnId: tx.id,
					transactionId: Number(tx.operatorTxId),
					timestamp: formatTashkentTime(tx.operatorTimeMs)
				}))
		};
	}
};

/** Paynet's ChangePassword: the new password's SHA-256 replaces PAYNET_PASSWORD (operatorKeys.ts). */
function changePassword(db: Db, p: Params, nowMs: number): unknown {
	checkService(p);
	const next = p.password;
	if (typeof next !== 'string' || next.length === 0) throw new PaynetError(411, 'password');
	if (next.length < 8 || next.length > 128 || /[\s:]/.test(next) || !/^[\x21-\x7e]+$/.test(next))
		throw new PaynetError(411, 'password');
	setOperatorKey(db, 'paynet', next, nowMs);
	return { result: 'success' };
}

export const paynetOperator: PaymentOperatorAdapter = {
	id: 'paynet',
	configured: () => config.paynetLogin !== undefined && config.paynetPassword !== undefined
};

/**
 * Answers one request from Paynet. Never throws for anything the request carries; the HTTP
 * status is 401 for wrong or missing credentials, 200 otherwise.
 */
export async function answerPaynet(
	request: Request,
	env: { db: () => Db; nowMs: () => number; onBalanceMoved?: Poke }
): Promise<PaynetAnswer> {
	let id: PaynetAnswer['body']['id'] = null;
	let status = 200;
	try {
		const login = config.paynetLogin;
		const password = config.paynetPassword;
		if (!login || !password) throw new PaynetError(100);
		const text = await readBoundedBody(request, MAX_PAYNET_BODY_BYTES);
		const rpc = text === undefined ? undefined : parseJsonObject(text);
		if (rpc && (typeof rpc.id === 'number' || typeof rpc.id === 'string')) id = rpc.id;
		const given = basicCredentials(request.headers.get('authorization'));
		const colon = given?.indexOf(':') ?? -1;
		const authorized =
			given !== undefined &&
			colon > 0 &&
			given.slice(0, colon) === login &&
			operatorKeyMatches(env.db(), 'paynet', given.slice(colon + 1), password);
		if (!authorized) {
			status = 401;
			throw new PaynetError(412);
		}
		if (!isJsonContentType(request)) throw new PaynetError(-32600, 'content-type');
		if (text === undefined) throw new PaynetError(-32600, 'body');
		if (!rpc) {
			try {
				JSON.parse(text);
			} catch {
				throw new PaynetError(-32700);
			}
			throw new PaynetError(-32600);
		}
		if (typeof rpc.method !== 'string') throw new PaynetError(-32600, 'method');
		if (typeof rpc.params !== 'object' || rpc.params === null || Array.isArray(rpc.params))
			throw new PaynetError(-32600, 'params');
		const params = rpc.params as Params;
		const db = env.db();
		const nowMs = env.nowMs();
		if (rpc.method === 'ChangePassword')
			return {
				status,
				body: { jsonrpc: '2.0', id, result: changePassword(db, params, nowMs) }
			};
		const method = Object.hasOwn(METHODS, rpc.method) ? METHODS[rpc.method] : undefined;
		if (!method) throw new PaynetError(-32601, 'method');
		const result = method(db, params, nowMs, env.onBalanceMoved ?? (() => {}));
		return { status, body: { jsonrpc: '2.0', id, result } };
	} catch (e) {
		let code: number;
		let data: string | undefined;
		if (e instanceof PaynetError) {
			code = e.code;
			data = e.data;
		} else if (e instanceof PaymentError && REFUSALS[e.refusal] !== undefined) {
			code = REFUSALS[e.refusal]!;
			data = e.refusal === 'timed_out' ? 'transactionTime' : e.field;
		} else {
			console.error('Paynet request failed', e);
			code = 102;
		}
		return {
			status,
			body: { jsonrpc: '2.0', id, error: { code, message: MESSAGES[code] ?? String(code), data } }
		};
	}
}
