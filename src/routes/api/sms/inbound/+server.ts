import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { config } from '$lib/server/config';
import { serverNow } from '$lib/server/clock';
import { checkSmsSecret, InboundSmsHttpError, readInboundSms } from '$lib/server/sms/inboundHttp';
import { answerInboundSms } from '$lib/server/services/inboundSms';
import { kickSmsWorker } from '$lib/server/sms/worker';

/**
 * Inbound SMS from the gateway (to the short number 2100): JSON `{from, to, text, id}` with
 * `X-Sms-Secret`. "P" answers with a login and a new password; see src/lib/server/sms/README.md.
 */
export const POST: RequestHandler = async ({ request }) => {
	try {
		checkSmsSecret(request.headers.get('x-sms-secret'), config.smsInboundSecret);
		const sms = await readInboundSms(request);
		const outcome = await answerInboundSms(getDb(), sms, serverNow());
		kickSmsWorker();
		return json({ ok: true, outcome });
	} catch (error) {
		if (!(error instanceof InboundSmsHttpError)) throw error;
		return json({ error: error.message }, { status: error.status });
	}
};
