import type { Db } from '../../db';
import type { SessionUser } from '../../auth/session';
import { AccountAccessError, assertAccountAccess } from '../accounts';
import { BusinessRuleError } from '../errors';
import { expireDueOrders, findOrder, orderDue } from './orders';
import { OPERATOR_ADAPTERS } from './operators';
import {
	APP_PAYMENT_OPERATORS,
	type AppPaymentOperatorId
} from '../../../domain/payments/operators';
import type { Locale } from '../../../i18n/locale';

/** The app's operators that can take a payment now (configured), in HET Billing's order. */
export function configuredAppOperators(): AppPaymentOperatorId[] {
	return APP_PAYMENT_OPERATORS.filter((id) => {
		const adapter = OPERATOR_ADAPTERS[id];
		return adapter.configured() && adapter.checkoutUrl !== undefined;
	});
}

/**
 * The operator's checkout link of one of the person's own open orders. An order that does not
 * exist is refused like another person's, so that ids cannot be probed; one no longer open
 * (paid, refunded, expired — swept here first) is refused with a reason the person can read.
 */
export async function checkoutLink(
	db: Db,
	user: SessionUser,
	input: { orderId: string; locale: Locale },
	origin: string,
	nowMs: number
): Promise<{ url: string }> {
	const found = findOrder(db, input.orderId);
	if (!found) throw new AccountAccessError();
	assertAccountAccess(db, user, found.accountId);
	expireDueOrders(db, [found.accountId], nowMs);
	const order = findOrder(db, input.orderId)!;
	if (order.status !== 'open' || orderDue(order, nowMs))
		throw new BusinessRuleError(
			order.status === 'paid' ? 'error.payment_order_paid' : 'error.payment_order_closed'
		);
	const adapter = OPERATOR_ADAPTERS[order.operator];
	if (!adapter.configured() || !adapter.checkoutUrl)
		throw new BusinessRuleError('error.payment_operator_unavailable');
	const { number } = db.$client
		.prepare('select number from accounts where id = ?')
		.get(order.accountId) as { number: string };
	const returnUrl = `${origin}/payments?account=${order.accountId}&order=${order.id}`;
	try {
		const url = await adapter.checkoutUrl({
			order,
			accountNumber: number,
			returnUrl,
			origin,
			locale: input.locale
		});
		return { url };
	} catch (error) {
		// An operator that asks its own API for the link (OSON) may be down: the order stays open.
		if (error instanceof BusinessRuleError) throw error;
		console.error(`checkout link of order ${order.id} (${order.operator}) failed`, error);
		throw new BusinessRuleError('error.payment_checkout_failed');
	}
}
