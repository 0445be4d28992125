/** What an inspector goes out to do, listed once; forms, checks and effects derive from it. */
export const WORK_KINDS = ['sealing', 'meter_check', 'meter_replacement', 'disconnection'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

// assigned: on an inspector's list; done: a result was applied; needs_review: a result came
// back that the server could not apply as it stood (see REVIEW_REASONS), kept for an operator;
// cancelled: withdrawn by the office (a result that still arrives is kept, flagged).
export const WORK_ORDER_STATUSES = ['assigned', 'done', 'needs_review', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Why a result was kept for an operator instead of applied. Nothing recorded is ever dropped. */
export const REVIEW_REASONS = [
	// The new seal number is already on another meter (a seal number is unique for life).
	'seal_in_use',
	// The account's meter was replaced after the order was made.
	'meter_replaced',
	// The office cancelled the order while the inspector was offline.
	'order_cancelled',
	// The order was given to another inspector while this one was offline.
	'order_reassigned',
	// The order already has an applied result (two inspectors, or one on two phones).
	'already_done',
	// The new meter's serial is already another meter's (serials are unique).
	'serial_in_use',
	// A reading of the visit breaks the reading rules (the register would run backwards, the
	// meter was not installed that day): nothing of the result was applied.
	'reading_rejected'
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** A meter check's condition list, each item true when as it should be. */
export const CHECKLIST_ITEMS = ['sealIntact', 'casingIntact', 'noBypass', 'displayWorks'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const CHECK_VERDICTS = ['ok', 'fault', 'tampering'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

/** Seal numbers as printed: letters, digits and dashes; compared in capitals without spaces. */
export const SEAL_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,23}$/;

export function normalizeSealNumber(text: string): string {
	return text.replace(/\s+/g, '').toUpperCase();
}

export function isSealNumber(text: string): boolean {
	return SEAL_PATTERN.test(normalizeSealNumber(text));
}

/** Meter serials as printed on the nameplate: same alphabet, a little longer. */
export const METER_SERIAL_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

/** Photo limits: the phone shrinks each to about 200 kB, the server refuses beyond these. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTOS_PER_RESULT_MAX = 6;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
