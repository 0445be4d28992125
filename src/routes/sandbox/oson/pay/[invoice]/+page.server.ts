import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { tiyinToSomText } from '$lib/server/services/payments/somAmount';
import { settleStandInInvoice, standInInvoice } from '../../standIn';

export const load: PageServerLoad = ({ params }) => {
	const invoice = standInInvoice(params.invoice);
	if (!invoice) error(404, 'No such OSON invoice');
	return {
		account: invoice.userAccount,
		amount: tiyinToSomText(invoice.amountTiyin),
		status: invoice.status
	};
};

async function settle(invoiceId: string, outcome: 'PAID' | 'DECLINED'): Promise<never> {
	const invoice = standInInvoice(invoiceId);
	if (!invoice) error(404, 'No such OSON invoice');
	await settleStandInInvoice(invoice, outcome);
	redirect(303, invoice.returnUrl);
}

export const actions: Actions = {
	pay: ({ params }) => settle(params.invoice, 'PAID'),
	decline: ({ params }) => settle(params.invoice, 'DECLINED')
};
