import type { PaymentOperatorId } from '../../../domain/payments/operators';
import { config } from '../../config';
import type { PaymentOperatorAdapter } from './adapter';
import { osonOperator } from './oson';
import { paynetOperator } from './paynet';
import { uzumOperator } from './uzum';
import { clickOperator } from './click';
import { upayOperator } from './upay';

// Each operator's adapter (the shapes are in adapter.ts): the one place that lists them.
export const OPERATOR_ADAPTERS: Record<PaymentOperatorId, PaymentOperatorAdapter> = {
	payme: { id: 'payme', configured: () => config.paymeKey !== undefined },
	click: clickOperator,
	upay: upayOperator,
	oson: osonOperator,
	paynet: paynetOperator,
	uzum: uzumOperator
};
