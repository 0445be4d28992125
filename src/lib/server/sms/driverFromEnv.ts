import { join } from 'node:path';
import { config } from '../config';
import { serverNow } from '../clock';
import { SmsConfigError, type SmsDriver } from './driver';
import { EskizSmsDriver } from './eskizDriver';
import { FileSmsDriver } from './fileDriver';

export const SMS_OUTBOX_FILE = 'sms-outbox.jsonl';
export const ESKIZ_DEFAULT_BASE_URL = 'https://notify.eskiz.uz';
export const ESKIZ_DEFAULT_FROM = '4546';

/** The driver SMS_DRIVER names, or an SmsConfigError that says what to set. */
export function smsDriverFromEnv(env: NodeJS.ProcessEnv = process.env): SmsDriver {
	const name = config.smsDriver;
	if (!name)
		throw new SmsConfigError(
			'SMS_DRIVER is not set: SMS replies and new passwords wait in the queue, unsent. Set SMS_DRIVER=eskiz (with ESKIZ_EMAIL and ESKIZ_PASSWORD) or SMS_DRIVER=file.'
		);
	if (name === 'file') return new FileSmsDriver(join(config.dataDir, SMS_OUTBOX_FILE), serverNow);
	if (name === 'eskiz') {
		const missing = ['ESKIZ_EMAIL', 'ESKIZ_PASSWORD'].filter((key) => !env[key]);
		if (missing.length)
			throw new SmsConfigError(
				`SMS_DRIVER=eskiz needs ${missing.join(' and ')}: SMS wait in the queue until they are set.`
			);
		return new EskizSmsDriver({
			baseUrl: env.ESKIZ_BASE_URL || ESKIZ_DEFAULT_BASE_URL,
			email: env.ESKIZ_EMAIL!,
			password: env.ESKIZ_PASSWORD!,
			from: env.ESKIZ_FROM || ESKIZ_DEFAULT_FROM,
			callbackUrl: env.ESKIZ_CALLBACK_URL || undefined
		});
	}
	throw new SmsConfigError(`SMS_DRIVER=${name} is not a driver: use "eskiz" or "file".`);
}
