import { z } from 'zod';

// After a OneID sign-in the person finds their account as the bill names it: region, district,
// personal account number. The region only narrows the district list; the district is what the
// server checks the account against.

export const ACCOUNT_NUMBER_MAX = 20;

export const oneIdLinkInput = z.object({
	districtSoato: z
		.string({ error: 'error.district_required' })
		.regex(/^\d{7}$/, { error: 'error.district_required' }),
	number: z
		.string({ error: 'error.account_number_required' })
		.trim()
		.min(1, { error: 'error.account_number_required' })
		.max(ACCOUNT_NUMBER_MAX, { error: 'error.account_number_format' })
		.regex(/^\d+$/, { error: 'error.account_number_format' })
});
export type OneIdLinkInput = z.infer<typeof oneIdLinkInput>;

/** Why an account was not linked to a OneID sign-in; each is a message the person reads. */
export const ONEID_REFUSALS = {
	no_account: 'error.oneid_no_account',
	wrong_district: 'error.oneid_wrong_district',
	not_holder: 'error.oneid_not_holder'
} as const;
export type OneIdRefusal = keyof typeof ONEID_REFUSALS;

/**
 * What the OneID callback tells the sign-in page (`/login?oneid=…`): signed in and done, signed in
 * with no account yet (go find one), or why it failed (a message key without its 'error.' prefix).
 */
export const ONEID_OUTCOME_PARAM = 'oneid';
