import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { parseJsonObject } from '$lib/server/services/payments/body';
import { settleStandInInvoice, standInInvoice } from '$lib/server/sandbox/osonStandIn';

/**
 * The person pressed Pay or Decline on the stand-in's pay page: OSON's signed webhook goes to
 * Tok, and the page is told where OSON sends the person back (the invoice's return_url).
 */
export const POST: RequestHandler = async ({ params, request }) => {
	const invoice = standInInvoice(params.invoice);
	if (!invoice) error(404, 'No such OSON invoice');
	const outcome = parseJsonObject(await request.text())?.outcome;
	if (outcome !== 'PAID' && outcome !== 'DECLINED') error(400, 'outcome is PAID or DECLINED');
	await settleStandInInvoice(invoice, outcome);
	return json({ status: invoice.status, returnUrl: invoice.returnUrl });
};
