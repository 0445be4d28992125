// OneID (sso.egov.uz, the state identity service) as its integrators describe it: one path,
// `/sso/oauth/Authorization.do`, for everything. The browser comes with `response_type=one_code`;
// the server then POSTs form-encoded requests told apart by `grant_type`, and reads JSON back.
// Shared by the client (client.ts) and the local stand-in (standIn.ts), so they cannot drift.

export const ONEID_PATH = '/sso/oauth/Authorization.do';

export const GRANT = {
	code: 'one_authorization_code',
	identify: 'one_access_token_identify',
	logOut: 'one_log_out'
} as const;

export const RESPONSE_TYPE = 'one_code';

/** The URL of OneID's one path under a base URL (with or without a trailing slash). */
export function oneIdEndpoint(baseUrl: string): URL {
	return new URL(`${baseUrl.replace(/\/+$/, '')}${ONEID_PATH}`);
}

/** What the code exchange answers (one_authorization_code). */
export interface OneIdTokenAnswer {
	access_token: string;
	token_type?: string;
	expires_in?: number;
	refresh_token?: string;
	scope?: string;
}

/** What identify answers (one_access_token_identify): the fields Tok reads, among others. */
export interface OneIdPersonAnswer {
	/** PINFL: the 14-digit personal identification number. */
	pin: string;
	user_id: string;
	first_name?: string;
	sur_name?: string;
	mid_name?: string;
	full_name?: string;
	mob_phone_no?: string;
	valid?: string;
}

/** An error answer: OAuth's pair, which OneID sends with status 200 as often as with 4xx. */
export interface OneIdErrorAnswer {
	error: string;
	error_description?: string;
}
