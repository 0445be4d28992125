import { REQUEST_STATUSES, type RequestStatus } from '$lib/domain/requests/status';
import { REQUEST_KINDS, type RequestKind } from '$lib/domain/sync/commands';

/** The queue's filters as the address bar keeps them (/office?kind=…&status=…), so that going
 * back from a request finds the same list. */
export interface QueueFilter {
	kind?: RequestKind;
	status: RequestStatus | 'open' | 'all';
	districtSoato?: string;
	olderThanDays?: number;
}

export const STATUS_CHOICES = ['open', ...REQUEST_STATUSES, 'all'] as const;

export function filterFromSearch(params: URLSearchParams): QueueFilter {
	const kind = params.get('kind');
	const status = params.get('status');
	const district = params.get('district');
	const older = Number(params.get('older'));
	return {
		...((REQUEST_KINDS as readonly string[]).includes(kind ?? '')
			? { kind: kind as RequestKind }
			: {}),
		status: (STATUS_CHOICES as readonly string[]).includes(status ?? '')
			? (status as QueueFilter['status'])
			: 'open',
		...(district && /^\d{7}$/.test(district) ? { districtSoato: district } : {}),
		...(params.get('older') && Number.isInteger(older) && older >= 0 && older <= 3650
			? { olderThanDays: older }
			: {})
	};
}

export function searchOfFilter(filter: QueueFilter): string {
	const params = new URLSearchParams();
	if (filter.kind) params.set('kind', filter.kind);
	if (filter.status !== 'open') params.set('status', filter.status);
	if (filter.districtSoato) params.set('district', filter.districtSoato);
	if (filter.olderThanDays !== undefined) params.set('older', String(filter.olderThanDays));
	const text = params.toString();
	return text ? `?${text}` : '';
}
