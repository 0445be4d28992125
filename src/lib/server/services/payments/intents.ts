import type { Db } from '../../db';
import type { SessionUser } from '../../auth/session';
import { assertAccountAccess } from '../accounts';
import { BusinessRuleError } from '../errors';
import { findOrder, openOrder, type PaymentOrder } from './orders';
import { OPERATOR_ADAPTERS } from './operators';
import type { CommandPayload } from '../../../domain/sync/commands';

/**
 * A payment intent from the app, as pushed: the account must be the person's own and the
 * operator configured; then the intent's order is opened, or found when it was opened before.
 * An intent id already holding an order of another account is refused (it would otherwise
 * show that order to whoever guessed its id).
 */
export function acceptPaymentIntent(
	db: Db,
	user: SessionUser,
	input: CommandPayload<'payment.intent'>,
	nowMs: number
): PaymentOrder {
	assertAccountAccess(db, user, input.accountId);
	if (!OPERATOR_ADAPTERS[input.operator].configured())
		throw new BusinessRuleError('error.payment_operator_unavailable');
	const existing = findOrder(db, input.intentId);
	if (existing) {
		if (existing.accountId !== input.accountId)
			throw new BusinessRuleError('error.payment_intent_taken');
		return existing;
	}
	return openOrder(db, { ...input, nowMs });
}
