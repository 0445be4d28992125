import type { RequestKind } from '../sync/commands';
import type { WorkKind } from './workOrders';

/** The work a resident's request turns into when the office assigns it. */
export const WORK_KIND_OF_REQUEST: Record<RequestKind, WorkKind> = {
	sealing: 'sealing',
	inspection: 'meter_check',
	meter_replacement: 'meter_replacement',
	disconnection: 'disconnection'
};
