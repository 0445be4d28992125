import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clickSignString } from '../../../src/lib/server/services/payments/click';
import {
	DEFAULT_UPAY_CHECK_TOKEN,
	DEFAULT_UPAY_PAY_TOKEN,
	parseUpayTokenFormula,
	UPAY_CHECK_FIELDS,
	UPAY_PAY_FIELDS,
	upayToken,
	upayTokenMatches
} from '../../../src/lib/server/services/payments/upayToken';

// Known vectors, each hashed here from the literal string the operator's document describes
// (node:crypto over the concatenation written out by hand), not from Tok's own code.
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

describe("Click's sign_string (docs.click.uz, Click-API – Request)", () => {
	const fields = {
		click_trans_id: '2213456789',
		service_id: '10001',
		merchant_trans_id: '1726001001',
		amount: '50000.00',
		sign_time: '2026-12-01 23:58:12'
	};

	it('Prepare: md5(click_trans_id + service_id + SECRET_KEY + merchant_trans_id + amount + action + sign_time)', () => {
		expect(clickSignString({ ...fields, action: '0' }, 'S3cr3t')).toBe(
			md5('221345678910001S3cr3t1726001001' + '50000.00' + '0' + '2026-12-01 23:58:12')
		);
		// The same vector as a literal, hashed outside Node (md5sum).
		expect(clickSignString({ ...fields, action: '0' }, 'S3cr3t')).toBe(
			'e79ad3ef2e9f7154367f77c297b4101c'
		);
	});

	it('Prepare ignores a merchant_prepare_id; Complete puts it after merchant_trans_id', () => {
		expect(clickSignString({ ...fields, action: '0', merchant_prepare_id: '77' }, 'S3cr3t')).toBe(
			md5('221345678910001S3cr3t172600100150000.0002026-12-01 23:58:12')
		);
		expect(clickSignString({ ...fields, action: '1', merchant_prepare_id: '77' }, 'S3cr3t')).toBe(
			md5('221345678910001S3cr3t17260010017750000.0012026-12-01 23:58:12')
		);
	});

	it('is over the amount exactly as sent: "50000" and "50000.00" sign differently', () => {
		expect(clickSignString({ ...fields, amount: '50000', action: '0' }, 'S3cr3t')).not.toBe(
			clickSignString({ ...fields, action: '0' }, 'S3cr3t')
		);
	});
});

describe("UPay's accessToken (contract formula, the issue's defaults)", () => {
	it('check: md5(personalAccount + secret)', () => {
		const formula = parseUpayTokenFormula(DEFAULT_UPAY_CHECK_TOKEN, UPAY_CHECK_FIELDS)!;
		expect(upayToken(formula, { personalAccount: '1726001001' }, 'k3y', 'md5')).toBe(
			md5('1726001001k3y')
		);
	});

	it('pay: md5(upayTransId + secret + upayPaymentAmount + personalAccount)', () => {
		const formula = parseUpayTokenFormula(DEFAULT_UPAY_PAY_TOKEN, UPAY_PAY_FIELDS)!;
		const values = {
			upayTransId: '1232145',
			upayTransTime: '2016-10-17 23:58:12',
			upayPaymentAmount: '1000',
			personalAccount: '1726001001'
		};
		expect(upayToken(formula, values, 'k3y', 'md5')).toBe(md5('1232145k3y10001726001001'));
		expect(upayToken(formula, values, 'k3y', 'sha1')).toBe(
			createHash('sha1').update('1232145k3y10001726001001').digest('hex')
		);
	});

	it('a formula naming an unknown field, or leaving out the secret, is refused', () => {
		expect(parseUpayTokenFormula('personalAccount+password', UPAY_CHECK_FIELDS)).toBeNull();
		expect(parseUpayTokenFormula('personalAccount', UPAY_CHECK_FIELDS)).toBeNull();
		expect(parseUpayTokenFormula('secret + personalAccount', UPAY_CHECK_FIELDS)).toEqual([
			'secret',
			'personalAccount'
		]);
	});

	it('tokens compare case-insensitively and refuse non-hex', () => {
		const token = md5('1726001001k3y');
		expect(upayTokenMatches(token.toUpperCase(), token)).toBe(true);
		expect(upayTokenMatches(`${token.slice(0, 31)}0`, token)).toBe(token.endsWith('0'));
		expect(upayTokenMatches('not-a-token', token)).toBe(false);
	});
});
