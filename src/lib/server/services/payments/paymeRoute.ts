import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '../../db';
import { config } from '../../config';
import { serverNow } from '../../clock';
import { serverLiveHub } from '../../sync/hub';
import { nodeClientAddress, readNodeBody, sendNodeJson } from '../../http/nodeRequest';
import { answerPayme, type PaymeCall } from './payme';
import { JSON_CONTENT_TYPE } from './body';

/**
 * `POST /api/payments/payme` in the running server: the same answer whether SvelteKit's route
 * (routes/api/payments/payme) or the Node route ahead of it (`npm run serve`, nodeRoutes.ts) got
 * the request.
 */
export function paymeServerEnv(clientAddress: string): Parameters<typeof answerPayme>[1] {
	return {
		db: getDb,
		key: config.paymeKey,
		nowMs: serverNow,
		onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId]),
		allowedIps: config.paymeAllowedIps,
		clientAddress
	};
}

function nodePaymeCall(req: IncomingMessage): PaymeCall {
	const header = (name: string) => {
		const value = req.headers[name];
		return typeof value === 'string' ? value : null;
	};
	return {
		contentType: header('content-type'),
		authorization: header('authorization'),
		body: async (maxBytes) => (await readNodeBody(req, maxBytes))?.toString('utf8')
	};
}

/**
 * Payme's JSON POSTs, answered from Node's request. Anything else is left to SvelteKit: another
 * method gets -32300 there, a form its cross-site guard (403), as they do without this route.
 */
export function paymeNodeRoute(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.method !== 'POST' || !JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? ''))
		return false;
	answerPayme(nodePaymeCall(req), paymeServerEnv(nodeClientAddress(req)))
		.then((answer) => sendNodeJson(req, res, answer))
		.catch((error: unknown) => {
			console.error('Payme answer not sent', error);
			res.destroy();
		});
	return true;
}
