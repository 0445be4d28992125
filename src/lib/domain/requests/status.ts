/** Every status a service request can have, listed once; the rest of the code derives from it. */
export const REQUEST_STATUSES = [
	'submitted',
	'accepted',
	'scheduled',
	'done',
	'rejected',
	'cancelled'
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

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

/** The statuses of a request still being worked on. */
export const OPEN_STATUSES = REQUEST_STATUSES.filter(
	(status) => TRANSITIONS[status].length > 0
) as ['submitted', 'accepted', 'scheduled'];

/** The statuses the office may move a request to (residents only cancel). */
export const OFFICE_STATUSES = REQUEST_STATUSES.filter((status) =>
	REQUEST_STATUSES.some((from) => canTransition(from, status, 'office'))
) as ['accepted', 'scheduled', 'done', 'rejected'];

export function isOpen(status: RequestStatus): boolean {
	return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}
