import type { PaymentOperatorId } from '../../../domain/payments/operators';
import type { PaymentOperatorAdapter } from './adapter';
import { config } from '../../config';
import { osonOperator } from './oson';
import { paynetOperator } from './paynet';
import { uzumOperator } from './uzum';

/**
 * What the app needs of each operator (the adapter interface lives in ./adapter, so that each
 * operator's module can implement it without importing this table back); this table is the one
 * place that lists them.
 */
export type { CheckoutRequest, PaymentOperatorAdapter } from './adapter';

export const OPERATOR_ADAPTERS: Record<PaymentOperatorId, PaymentOperatorAdapter> = {
	payme: { id: 'payme', configured: () => config.paymeKey !== undefined },
	click: { id: 'click', configured: () => false },
	upay: { id: 'upay', configured: () => false },
	oson: osonOperator,
	paynet: paynetOperator,
	uzum: uzumOperator
};
