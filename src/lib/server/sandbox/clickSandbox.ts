import { randomInt } from 'node:crypto';
import { trySomTextToTiyin } from '../../domain/payments/soms';
import { formatTashkentTime } from '../../domain/payments/tashkentTime';
import { CLICK_ACTION, clickSignString, type ClickSettings } from '../services/payments/click';
import { postToTok } from './operatorCall';

/** Click's payment-button link as the sandbox reads it (docs.click.uz, "Payment button"). */
export interface ClickLink {
	serviceId: string;
	merchantId: string;
	amount: string;
	transactionParam: string;
	returnUrl: string | null;
}

export function parseClickLink(query: URLSearchParams): ClickLink | null {
	const serviceId = query.get('service_id') ?? '';
	const merchantId = query.get('merchant_id') ?? '';
	const amount = query.get('amount') ?? '';
	const transactionParam = query.get('transaction_param') ?? '';
	if (!/^\d{1,15}$/.test(serviceId) || !/^\d{1,15}$/.test(merchantId)) return null;
	if (trySomTextToTiyin(amount) === null || !transactionParam || transactionParam.length > 100)
		return null;
	return { serviceId, merchantId, amount, transactionParam, returnUrl: query.get('return_url') };
}

export type ClickPlay =
	{ ok: true } | { ok: false; code: number | null; note: string; stage: 'prepare' | 'complete' };

/**
 * Click's side of a payment: Prepare, then Complete, each signed with the secret key, posted
 * form-encoded to Tok's endpoints under `origin`. `decline` completes with Click's error -5017
 * (not enough money on the card), which must cancel the prepared payment.
 */
export async function playClick(
	origin: string,
	link: ClickLink,
	settings: ClickSettings,
	decline: boolean,
	nowMs: number
): Promise<ClickPlay> {
	const seconds = Math.floor(nowMs / 1000);
	const base = {
		click_trans_id: `${seconds}${randomInt(1000, 10_000)}`,
		service_id: link.serviceId,
		click_paydoc_id: `${seconds}${randomInt(100, 1000)}`,
		merchant_trans_id: link.transactionParam,
		amount: link.amount,
		sign_time: formatTashkentTime(nowMs)
	};
	const prepareFields = {
		...base,
		action: CLICK_ACTION.prepare,
		error: '0',
		error_note: 'Success'
	};
	const prepared = await postToTok(
		`${origin}/api/payments/click/prepare`,
		new URLSearchParams({
			...prepareFields,
			sign_string: clickSignString(prepareFields, settings.secretKey)
		}).toString(),
		'application/x-www-form-urlencoded'
	);
	if (!prepared) return { ok: false, code: null, note: '', stage: 'prepare' };
	if (prepared.error !== 0)
		return {
			ok: false,
			code: Number(prepared.error),
			note: String(prepared.error_note),
			stage: 'prepare'
		};
	const completeFields = {
		...base,
		merchant_prepare_id: String(prepared.merchant_prepare_id),
		action: CLICK_ACTION.complete,
		error: decline ? '-5017' : '0',
		error_note: decline ? 'Insufficient funds' : 'Success'
	};
	const completed = await postToTok(
		`${origin}/api/payments/click/complete`,
		new URLSearchParams({
			...completeFields,
			sign_string: clickSignString(completeFields, settings.secretKey)
		}).toString(),
		'application/x-www-form-urlencoded'
	);
	if (!completed) return { ok: false, code: null, note: '', stage: 'complete' };
	if (completed.error !== 0)
		return {
			ok: false,
			code: Number(completed.error),
			note: String(completed.error_note),
			stage: 'complete'
		};
	return { ok: true };
}
