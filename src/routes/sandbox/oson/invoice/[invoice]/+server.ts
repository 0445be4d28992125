import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { tiyinToSomText } from '$lib/server/services/payments/somAmount';
import { standInInvoice } from '$lib/server/sandbox/osonStandIn';

/** What the stand-in's pay page shows of an invoice (page: ../../pay/[invoice]). */
export const GET: RequestHandler = ({ params }) => {
	const invoice = standInInvoice(params.invoice);
	if (!invoice) error(404, 'No such OSON invoice');
	return json({
		account: invoice.userAccount,
		amount: tiyinToSomText(invoice.amountTiyin),
		status: invoice.status
	});
};
