import { randomInt } from 'node:crypto';
import { trySomTextToTiyin } from '../../domain/payments/soms';
import { formatTashkentTime } from '../../domain/payments/tashkentTime';
import type { UpaySettings } from '../services/payments/upay';
import { upayToken } from '../services/payments/upayToken';
import { postToTok } from './operatorCall';

/** UPay's link `prePay.do?serviceId=…&personalAccount=…&amount=…&apiVersion=1`. */
export interface UpayLink {
	serviceId: string;
	personalAccount: string;
	amount: string;
}

export function parseUpayLink(query: URLSearchParams): UpayLink | null {
	const serviceId = query.get('serviceId') ?? '';
	const personalAccount = query.get('personalAccount') ?? '';
	const amount = query.get('amount') ?? '';
	if (!/^\d{1,15}$/.test(serviceId) || query.get('apiVersion') !== '1') return null;
	if (!personalAccount || personalAccount.length > 100 || trySomTextToTiyin(amount) === null)
		return null;
	return { serviceId, personalAccount, amount };
}

export type UpayPlay = { ok: true } | { ok: false; code: number | null; note: string };

/**
 * UPay's side of a payment: check the personal account, then pay, each with its accessToken
 * under the configured formula, posted as JSON (the amount a JSON number, as UPay sends it) to
 * Tok's endpoints under `origin`.
 */
export async function playUpay(
	origin: string,
	link: UpayLink,
	settings: UpaySettings,
	nowMs: number
): Promise<UpayPlay> {
	const refused = (answer: Record<string, unknown> | null): UpayPlay | null =>
		!answer
			? { ok: false, code: null, note: '' }
			: answer.status !== settings.statuses.ok
				? { ok: false, code: Number(answer.status), note: String(answer.message) }
				: null;
	const checkToken = upayToken(
		settings.checkToken,
		{ personalAccount: link.personalAccount },
		settings.secret,
		settings.hash
	);
	const checked = await postToTok(
		`${origin}/api/payments/upay/check`,
		JSON.stringify({ personalAccount: link.personalAccount, accessToken: checkToken }),
		'application/json'
	);
	const checkRefusal = refused(checked);
	if (checkRefusal) return checkRefusal;
	const fields = {
		upayTransId: `${Math.floor(nowMs / 1000)}${randomInt(1000, 10_000)}`,
		upayTransTime: formatTashkentTime(nowMs),
		upayPaymentAmount: link.amount,
		personalAccount: link.personalAccount
	};
	const accessToken = upayToken(settings.payToken, fields, settings.secret, settings.hash);
	// The amount goes as a number literal, exactly as the link wrote it (parseUpayLink checked it).
	const body = `{"upayTransId":${fields.upayTransId},"upayTransTime":${JSON.stringify(fields.upayTransTime)},"upayPaymentAmount":${fields.upayPaymentAmount},"personalAccount":${JSON.stringify(fields.personalAccount)},"accessToken":${JSON.stringify(accessToken)}}`;
	return (
		refused(await postToTok(`${origin}/api/payments/upay/pay`, body, 'application/json')) ?? {
			ok: true
		}
	);
}
