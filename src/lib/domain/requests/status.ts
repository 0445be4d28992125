import type { RequestStatus } from '../sync/tables';

// The service request's life, decided by the server: a resident files it (submitted) and may
// cancel it only while nobody has taken it; the office accepts, schedules a visit and closes it,
// or rejects it with a reason at any open step.
const TRANSITIONS: Record<RequestStatus, RequestStatus[]> = {
	submitted: ['accepted', 'rejected', 'cancelled'],
	accepted: ['scheduled', 'rejected', 'done'],
	scheduled: ['done', 'rejected'],
	done: [],
	rejected: [],
	cancelled: []
};

export type RequestActor = 'resident' | 'office';

export function canTransition(
	from: RequestStatus,
	to: RequestStatus,
	actor: RequestActor
): boolean {
	if (!TRANSITIONS[from].includes(to)) return false;
	// Residents only ever cancel; everything else is the office's.
	return actor === 'resident' ? to === 'cancelled' : to !== 'cancelled';
}

export const OPEN_STATUSES: RequestStatus[] = ['submitted', 'accepted', 'scheduled'];

export function isOpen(status: RequestStatus): boolean {
	return OPEN_STATUSES.includes(status);
}
