/**
 * Why the office turns a request down, as presets the resident reads in their own language, and
 * 'other' in the operator's own words. A preset is stored as its message key (the request's
 * status reason): the resident's app translates a key and shows any other text as written.
 */
export const REJECT_REASONS = ['no_access', 'duplicate', 'not_holder', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export function rejectionText(reason: RejectReason, text: string): string {
	return reason === 'other' ? text.trim() : `office.reject.${reason}`;
}
