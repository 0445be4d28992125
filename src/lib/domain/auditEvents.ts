// The kinds of audit log entry (services/audit.ts writes them; the office's log filters by them).

export const AUDIT_EVENTS = [
	'sign_in',
	'sign_in_failed',
	'lockout',
	'sign_out',
	'sign_out_everywhere',
	'password_changed',
	'password_reset',
	'credentials_by_sms',
	'sms_sent',
	'sms_failed',
	'rate_limited',
	'oneid_sign_in',
	'oneid_linked',
	'oneid_refused',
	'account_linked',
	'account_unlinked',
	'readings_imported',
	'inspection_reviewed'
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];
