import { describe, expect, it } from 'vitest';
import { mergeWorkOrders } from '../../../src/lib/client/sync/view/workOrdersView';
import {
	orderState,
	sortByAddress,
	takesResult
} from '../../../src/lib/domain/inspection/orderState';
import type { WorkOrderRow } from '../../../src/lib/domain/sync/tables';
import { aCommand, anId } from '../sync/builders';

function anOrder(overrides: Partial<WorkOrderRow> = {}): WorkOrderRow {
	return {
		id: anId(),
		accountId: 1,
		requestId: null,
		kind: 'sealing',
		status: 'assigned',
		scheduledDate: null,
		note: '',
		account: {
			number: '1726001001',
			holderName: 'Karimov A.',
			address: 'Chilonzor 5, 12',
			phone: '+998901234567',
			districtSoato: '1726269'
		},
		meter: { id: 1, serial: 'SM-1001', sealNumber: 'PL-0001', type: 'manual' },
		lastReadings: [],
		result: null,
		createdAtMs: 1_760_000_000_000,
		updatedAtMs: 1_760_000_000_000,
		...overrides
	};
}

const at = (address: string, number = '1726001001') =>
	anOrder({ account: { ...anOrder().account, address, number } });

const record = (workOrderId: string) =>
	aCommand('inspection.record', {
		resultId: anId(),
		workOrderId,
		kind: 'sealing',
		recordedAtMs: 1_760_000_500_000,
		newSeal: 'PL-0002',
		readingKwh: '1234.5'
	});

describe("the inspector's day", () => {
	it('is in walking order: by street, house numbers as numbers, then account', () => {
		const list = sortByAddress([
			at('Chilonzor 10, 3'),
			at('Bunyodkor 2'),
			at('Chilonzor 9, 1', '1726000002'),
			at('Chilonzor 9, 1', '1726000001')
		]);
		expect(list.map((o) => `${o.account.address} ${o.account.number}`)).toEqual([
			'Bunyodkor 2 1726001001',
			'Chilonzor 9, 1 1726000001',
			'Chilonzor 9, 1 1726000002',
			'Chilonzor 10, 3 1726001001'
		]);
	});

	it('an order with nothing recorded is to do, and only that one takes a result', () => {
		expect(orderState(anOrder(), { pending: false, recorded: false })).toBe('todo');
		for (const status of ['cancelled', 'reassigned'] as const) {
			const state = orderState(anOrder({ status }), { pending: false, recorded: false });
			expect(state).toBe(status);
			expect(takesResult(state)).toBe(false);
		}
		expect(takesResult('todo')).toBe(true);
	});

	it('a result recorded offline is waiting to send, whatever the office did meanwhile', () => {
		for (const status of ['assigned', 'cancelled', 'reassigned'] as const)
			expect(orderState(anOrder({ status }), { pending: true, recorded: true })).toBe('waiting');
	});

	it('the server’s word on the result: sent when applied, needs review when held', () => {
		const applied = anOrder({
			status: 'done',
			result: { id: anId(), outcome: 'applied', reviewReason: null }
		});
		expect(orderState(applied, { pending: false, recorded: false })).toBe('sent');
		const held = anOrder({
			status: 'reassigned',
			result: { id: anId(), outcome: 'needs_review', reviewReason: 'order_reassigned' }
		});
		expect(orderState(held, { pending: false, recorded: false })).toBe('needs_review');
	});
});

describe('the outbox over the server’s orders', () => {
	it('a result saved offline shows on its order at once as waiting, and on no other', () => {
		const mine = anOrder();
		const other = anOrder({ account: { ...anOrder().account, address: 'Yunusobod 1' } });
		const command = record(mine.id);
		const view = mergeWorkOrders([other, mine], [command]);
		expect(view.map((o) => o.id)).toEqual([mine.id, other.id]);
		expect(view[0]).toMatchObject({ pending: true, needsAttention: null });
		expect(view[0].localResult).toMatchObject({ newSeal: 'PL-0002', readingKwh: '1234.5' });
		expect(view[1]).toMatchObject({ pending: false, localResult: null });
	});

	it('delivered but not yet pulled: still shown as recorded, no longer waiting', () => {
		const order = anOrder();
		const [view] = mergeWorkOrders([order], [{ ...record(order.id), state: 'done' }]);
		expect(view.pending).toBe(false);
		expect(orderState(view, { pending: view.pending, recorded: view.localResult !== null })).toBe(
			'sent'
		);
	});

	it('once the server’s row carries the result, the row wins', () => {
		const order = anOrder();
		const command = record(order.id);
		const pulled = {
			...order,
			status: 'done' as const,
			result: { id: command.payload.resultId, outcome: 'applied' as const, reviewReason: null }
		};
		const [view] = mergeWorkOrders([pulled], [{ ...command, state: 'done' }]);
		expect(view).toMatchObject({ localResult: null, pending: false, status: 'done' });
	});

	it('a refused result shows the reason with the command to dismiss, and the order takes a new one', () => {
		const order = anOrder();
		const command = { ...record(order.id), state: 'refused' as const, reason: 'error.forbidden' };
		const [view] = mergeWorkOrders([order], [command]);
		expect(view.needsAttention).toEqual({ reason: 'error.forbidden', commandId: command.id });
		expect(view.localResult).toBeNull();
		expect(orderState(view, { pending: view.pending, recorded: false })).toBe('todo');
	});
});
