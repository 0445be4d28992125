import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { parseJsonObject } from '$lib/server/services/payments/body';
import { standInStatus } from '$lib/server/sandbox/osonStandIn';

export const trailingSlash = 'ignore';

/** The demo's stand-in for OSON's invoice status (see $lib/server/sandbox/osonStandIn.ts). */
export const POST: RequestHandler = async ({ request }) => {
	const body = parseJsonObject(await request.text());
	if (!body)
		return json({ status: 'ERROR', message: 'the body is not a JSON object' }, { status: 400 });
	const answer = standInStatus(request, body);
	return json(answer.body, { status: answer.status });
};
