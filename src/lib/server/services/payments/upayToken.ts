import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * UPay's accessToken: a hash over some of the request's fields and the secret, in an order
 * agreed per contract. The formula is configuration: field names joined by '+', e.g.
 * `upayTransId+secret+upayPaymentAmount+personalAccount`.
 */

export const UPAY_TOKEN_HASHES = ['md5', 'sha1', 'sha256'] as const;
export type UpayTokenHash = (typeof UPAY_TOKEN_HASHES)[number];

/** The defaults (from UPay integrations): pay and check. */
export const DEFAULT_UPAY_PAY_TOKEN = 'upayTransId+secret+upayPaymentAmount+personalAccount';
export const DEFAULT_UPAY_CHECK_TOKEN = 'personalAccount+secret';

export const UPAY_CHECK_FIELDS = ['personalAccount'] as const;
export const UPAY_PAY_FIELDS = [
	'upayTransId',
	'upayTransTime',
	'upayPaymentAmount',
	'personalAccount'
] as const;

export type UpayTokenFormula = readonly string[];

/**
 * `text` as a formula over `fields` and `secret`; null when it names anything else, or
 * leaves the secret out (a token anyone could compute).
 */
export function parseUpayTokenFormula(
	text: string,
	fields: readonly string[]
): UpayTokenFormula | null {
	const parts = text.split('+').map((p) => p.trim());
	if (parts.some((p) => p !== 'secret' && !fields.includes(p))) return null;
	return parts.includes('secret') ? parts : null;
}

/** The token for `values` (the request's fields as sent) under `formula`, lower-case hex. */
export function upayToken(
	formula: UpayTokenFormula,
	values: Record<string, string>,
	secret: string,
	hash: UpayTokenHash
): string {
	const text = formula.map((p) => (p === 'secret' ? secret : (values[p] ?? ''))).join('');
	return createHash(hash).update(text, 'utf8').digest('hex');
}

/** Whether `given` is the expected token, compared in constant time (case-insensitive hex). */
export function upayTokenMatches(given: string, expected: string): boolean {
	const digest = (s: string) => createHash('sha256').update(s.toLowerCase()).digest();
	return /^[0-9a-f]{32,128}$/i.test(given) && timingSafeEqual(digest(given), digest(expected));
}
