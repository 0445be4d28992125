import type { WorkOrderView } from '$lib/client/sync/effects';
import { orderState, type OrderState } from '$lib/domain/inspection/orderState';
import { REVIEW_REASONS, type ReviewReason } from '$lib/domain/inspection/workOrders';
import { whToKwhText } from '$lib/domain/readings/kwh';
import { i18n, t } from '$lib/i18n/index.svelte';
import { formatKwh } from '$lib/i18n/numbers';

/** The state of an order as the inspector's phone sees it (server's row and the outbox). */
export const stateOf = (order: WorkOrderView): OrderState =>
	orderState(order, { pending: order.pending, recorded: order.localResult !== null });

/** Why a result went to review, in words; an unknown reason (a newer server) still reads. */
export function reviewReasonText(reason: ReviewReason | null): string {
	return reason && REVIEW_REASONS.includes(reason)
		? t(`inspector.reason.${reason}`)
		: t('inspector.reason.unknown');
}

export const kwhText = (wh: number): string => formatKwh(whToKwhText(wh), i18n.locale);
