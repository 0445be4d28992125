import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { parseJsonObject } from '$lib/server/services/payments/body';
import { createStandInInvoice } from '$lib/server/sandbox/osonStandIn';

// OSON's own paths end in a slash (…/api/invoice/create/); both forms are served.
export const trailingSlash = 'ignore';

/** The demo's stand-in for OSON's invoice create (see $lib/server/sandbox/osonStandIn.ts). */
export const POST: RequestHandler = async ({ request }) => {
	const body = parseJsonObject(await request.text());
	if (!body)
		return json({ status: 'ERROR', message: 'the body is not a JSON object' }, { status: 400 });
	const answer = createStandInInvoice(request, body);
	return json(answer.body, { status: answer.status });
};
