import { describe, expect, it } from 'vitest';
import { mergeRequests } from '../../../src/lib/client/sync/view/requestsView';
import { aCommand, anId, aRequestRow } from './builders';

const create = (requestId = anId(), accountId = 1) =>
	aCommand('request.create', { accountId, requestId, kind: 'sealing', reason: 'New meter' });

describe('what a person sees of their requests before the server confirms', () => {
	it('a request made offline shows at once, marked as waiting to send', () => {
		const command = create();
		const view = mergeRequests([], [command], 1);
		expect(view).toMatchObject([
			{
				id: command.payload.requestId,
				kind: 'sealing',
				status: 'submitted',
				reason: 'New meter',
				pending: true,
				needsAttention: null
			}
		]);
	});

	it('a request shows once when the server row and the applied command are both on the device', () => {
		const command = create();
		const server = aRequestRow({ id: command.payload.requestId, kind: 'sealing' });
		for (const state of ['done', 'pending', 'sending'] as const) {
			const view = mergeRequests([server], [{ ...command, state }], 1);
			expect(view).toHaveLength(1);
			expect(view[0]).toMatchObject({ id: server.id, pending: false, status: 'submitted' });
		}
	});

	it('an applied request whose server row has not arrived yet still shows, no longer waiting', () => {
		const command = { ...create(), state: 'done' as const };
		expect(mergeRequests([], [command], 1)).toMatchObject([{ pending: false }]);
	});

	it('a refused request shows the reason, with the command to dismiss', () => {
		const command = {
			...create(),
			state: 'refused' as const,
			reason: 'error.request_already_open'
		};
		expect(mergeRequests([], [command], 1)).toMatchObject([
			{
				pending: false,
				needsAttention: { reason: 'error.request_already_open', commandId: command.id }
			}
		]);
	});

	it('a cancel waiting to be sent shows the request as cancelling', () => {
		const server = aRequestRow();
		const cancel = aCommand('request.cancel', { requestId: server.id });
		expect(mergeRequests([server], [cancel], 1)).toMatchObject([
			{ id: server.id, status: 'cancelling', pending: true }
		]);
	});

	it('a cancel applied but not yet pulled shows the request as cancelled', () => {
		const server = aRequestRow();
		const cancel = aCommand('request.cancel', { requestId: server.id }, { state: 'done' });
		expect(mergeRequests([server], [cancel], 1)).toMatchObject([{ status: 'cancelled' }]);
	});

	it('a refused cancel leaves the status as the server has it and says why', () => {
		const server = aRequestRow({ status: 'accepted' });
		const cancel = aCommand(
			'request.cancel',
			{ requestId: server.id },
			{ state: 'refused', reason: 'error.request_not_cancellable' }
		);
		expect(mergeRequests([server], [cancel], 1)).toMatchObject([
			{ status: 'accepted', needsAttention: { reason: 'error.request_not_cancellable' } }
		]);
	});

	it('a request made and cancelled offline shows once, as cancelling', () => {
		const made = create();
		const cancel = aCommand('request.cancel', { requestId: made.payload.requestId });
		expect(mergeRequests([], [cancel, made], 1)).toMatchObject([
			{ id: made.payload.requestId, status: 'cancelling', pending: true }
		]);
	});

	it("another account's requests stay out, and the newest comes first", () => {
		const old = aRequestRow({ createdAtMs: 1 });
		const other = create(anId(), 2);
		const mine = create();
		const view = mergeRequests([old], [other, mine], 1);
		expect(view.map((r) => r.id)).toEqual([mine.payload.requestId, old.id]);
	});
});
