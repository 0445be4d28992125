import type { Db } from '../../db';
import { config } from '../../config';
import { PaymentError, type PaymentRefusal } from './errors';
import { isPaymentAmount } from './limits';
import { basicAuthorized } from './basicAuth';
import { isJsonContentType, parseJsonObject, readBoundedBody } from './body';
import type { PaymentOperatorAdapter } from './adapter';
import {
	CANCEL_REASON_TIMEOUT,
	cancelTransaction,
	createTransaction,
	findTransaction,
	performTransaction,
	type PaymentTransaction
} from './transactions';

/**
 * Uzum Bank's Merchant API (Uzum calls Tok's webhooks when someone pays a personal account in
 * the Uzum Bank app): check → create → confirm, reverse to cancel, status when Uzum lost an
 * answer. A thin adapter from its fields, statuses and error codes to the payments service.
 * Success is HTTP 200; a refusal HTTP 400 with `status: "FAILED"` and an `errorCode`.
 */

export const UZUM_OPERATIONS = ['check', 'create', 'confirm', 'reverse', 'status'] as const;
export type UzumOperation = (typeof UZUM_OPERATIONS)[number];

export const UZUM_ERRORS = {
	accessDenied: '10001',
	jsonParsing: '10002',
	invalidOperation: '10003',
	missingParameters: '10005',
	invalidServiceId: '10006',
	attributeNotFound: '10007',
	alreadyProcessed: '10008',
	cancelled: '10009',
	dataCheck: '99999'
} as const;
type UzumErrorCode = (typeof UZUM_ERRORS)[keyof typeof UZUM_ERRORS];

export interface UzumAnswer {
	status: 200 | 400;
	body: Record<string, unknown>;
}

class UzumError extends Error {
	constructor(readonly code: UzumErrorCode) {
		super(code);
	}
}

/** A webhook body is a few hundred bytes. */
export const MAX_UZUM_BODY_BYTES = 64 * 1024;
const ACCOUNT = /^\d{1,20}$/;
const TRANS_ID = /^[A-Za-z0-9_-]{1,64}$/;

type Body = Record<string, unknown>;

function transId(b: Body): string {
	if (b.transId === undefined) throw new UzumError(UZUM_ERRORS.missingParameters);
	if (typeof b.transId !== 'string' || !TRANS_ID.test(b.transId))
		throw new UzumError(UZUM_ERRORS.attributeNotFound);
	return b.transId;
}

function account(b: Body): string {
	const params = b.params;
	if (typeof params !== 'object' || params === null || Array.isArray(params))
		throw new UzumError(UZUM_ERRORS.missingParameters);
	const a = (params as Body).account;
	if (a === undefined || a === null || a === '') throw new UzumError(UZUM_ERRORS.missingParameters);
	const text = typeof a === 'number' && Number.isSafeInteger(a) ? String(a) : a;
	if (typeof text !== 'string' || !ACCOUNT.test(text))
		throw new UzumError(UZUM_ERRORS.attributeNotFound);
	return text;
}

/** Uzum's status of a transaction; a pending one cancelled at 12 hours is FAILED. */
function statusOf(tx: PaymentTransaction): 'CREATED' | 'CONFIRMED' | 'REVERSED' | 'FAILED' {
	if (tx.state === 1) return 'CREATED';
	if (tx.state === 2) return 'CONFIRMED';
	if (tx.state === -1 && tx.reason === CANCEL_REASON_TIMEOUT) return 'FAILED';
	return 'REVERSED';
}

const data = (tx: PaymentTransaction) => ({ account: { value: tx.accountNumber } });

function found(db: Db, id: string): PaymentTransaction {
	const tx = findTransaction(db, 'uzum', id);
	if (!tx) throw new UzumError(UZUM_ERRORS.attributeNotFound);
	return tx;
}

type Poke = (accountId: number) => void;

const OPERATIONS: Record<
	UzumOperation,
	(db: Db, b: Body, serviceId: number, nowMs: number, poke: Poke) => Body
> = {
	check(db, b, serviceId, nowMs) {
		const accountNumber = account(b);
		const row = db.$client.prepare('select 1 from accounts where number = ?').get(accountNumber);
		if (!row) throw new UzumError(UZUM_ERRORS.attributeNotFound);
		return {
			serviceId,
			timestamp: nowMs,
			status: 'OK',
			data: { account: { value: accountNumber } }
		};
	},
	create(db, b, serviceId, nowMs) {
		const id = transId(b);
		const accountNumber = account(b);
		if (b.amount === undefined) throw new UzumError(UZUM_ERRORS.missingParameters);
		if (!isPaymentAmount(b.amount)) throw new UzumError(UZUM_ERRORS.attributeNotFound);
		const amountTiyin = b.amount;
		const operatorTimeMs =
			typeof b.timestamp === 'number' && Number.isSafeInteger(b.timestamp) && b.timestamp > 0
				? b.timestamp
				: nowMs;
		const tx = createTransaction(db, {
			operator: 'uzum',
			operatorTxId: id,
			accountNumber,
			amountTiyin,
			operatorTimeMs,
			nowMs
		});
		return {
			serviceId,
			transId: id,
			status: 'CREATED',
			transTime: tx.createdAtMs,
			data: data(tx),
			amount: tx.amountTiyin
		};
	},
	confirm(db, b, serviceId, nowMs, poke) {
		const id = transId(b);
		found(db, id);
		const tx = performTransaction(db, { operator: 'uzum', operatorTxId: id, nowMs });
		poke(tx.accountId);
		return {
			serviceId,
			transId: id,
			status: 'CONFIRMED',
			confirmTime: tx.performedAtMs,
			data: data(tx),
			amount: tx.amountTiyin
		};
	},
	reverse(db, b, serviceId, nowMs, poke) {
		const id = transId(b);
		found(db, id);
		// Reason 1: reversed by the operator; after confirm this writes the refund entry.
		const tx = cancelTransaction(db, { operator: 'uzum', operatorTxId: id, reason: 1, nowMs });
		if (tx.state === -2) poke(tx.accountId);
		return {
			serviceId,
			transId: id,
			status: 'REVERSED',
			reverseTime: tx.cancelledAtMs,
			data: data(tx),
			amount: tx.amountTiyin
		};
	},
	status(db, b, serviceId) {
		const id = transId(b);
		const tx = found(db, id);
		const status = statusOf(tx);
		return {
			serviceId,
			transId: id,
			status,
			transTime: tx.createdAtMs,
			confirmTime: tx.performedAtMs,
			reverseTime: status === 'REVERSED' ? tx.cancelledAtMs : null,
			data: data(tx),
			amount: tx.amountTiyin
		};
	}
};

function refusalCode(operation: UzumOperation, refusal: PaymentRefusal): UzumErrorCode {
	switch (refusal) {
		case 'account_not_found':
		case 'amount_out_of_range':
		case 'transaction_not_found':
			return UZUM_ERRORS.attributeNotFound;
		case 'transaction_differs':
			return UZUM_ERRORS.alreadyProcessed;
		case 'cannot_perform':
			// A confirm of a reversed transaction: cancelled; a create of a finished one: processed.
			return operation === 'confirm' ? UZUM_ERRORS.cancelled : UZUM_ERRORS.alreadyProcessed;
		case 'timed_out':
			return operation === 'confirm' ? UZUM_ERRORS.cancelled : UZUM_ERRORS.dataCheck;
		default:
			return UZUM_ERRORS.dataCheck;
	}
}

export const uzumOperator: PaymentOperatorAdapter = {
	id: 'uzum',
	configured: () =>
		config.uzumServiceId !== undefined &&
		config.uzumLogin !== undefined &&
		config.uzumPassword !== undefined
};

/** Answers one webhook from Uzum Bank. Never throws for anything the request carries. */
export async function answerUzum(
	operation: string,
	request: Request,
	env: { db: () => Db; nowMs: () => number; onBalanceMoved?: Poke }
): Promise<UzumAnswer> {
	const nowMs = env.nowMs();
	let serviceId: unknown = null;
	let id: unknown;
	try {
		const own = config.uzumServiceId;
		const login = config.uzumLogin;
		const password = config.uzumPassword;
		const text = await readBoundedBody(request, MAX_UZUM_BODY_BYTES);
		const body = text === undefined ? undefined : parseJsonObject(text);
		if (body) {
			if (typeof body.serviceId === 'number') serviceId = body.serviceId;
			if (typeof body.transId === 'string' && TRANS_ID.test(body.transId)) id = body.transId;
		}
		if (own === undefined || !login || !password) throw new UzumError(UZUM_ERRORS.dataCheck);
		if (!basicAuthorized(request.headers.get('authorization'), login, password))
			throw new UzumError(UZUM_ERRORS.accessDenied);
		if (!(UZUM_OPERATIONS as readonly string[]).includes(operation))
			throw new UzumError(UZUM_ERRORS.invalidOperation);
		if (!isJsonContentType(request) || !body) throw new UzumError(UZUM_ERRORS.jsonParsing);
		if (body.serviceId === undefined) throw new UzumError(UZUM_ERRORS.missingParameters);
		if (body.serviceId !== own) throw new UzumError(UZUM_ERRORS.invalidServiceId);
		const answer = OPERATIONS[operation as UzumOperation](
			env.db(),
			body,
			own,
			nowMs,
			env.onBalanceMoved ?? (() => {})
		);
		return { status: 200, body: answer };
	} catch (e) {
		let errorCode: UzumErrorCode;
		if (e instanceof UzumError) errorCode = e.code;
		else if (e instanceof PaymentError)
			errorCode = refusalCode(operation as UzumOperation, e.refusal);
		else {
			console.error('Uzum request failed', e);
			errorCode = UZUM_ERRORS.dataCheck;
		}
		return {
			status: 400,
			body: {
				serviceId,
				...(id === undefined ? {} : { transId: id }),
				timestamp: nowMs,
				status: 'FAILED',
				errorCode
			}
		};
	}
}
