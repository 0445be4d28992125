import type { OneIdPersonAnswer } from '../auth/oneid/protocol';

/**
 * The people the local OneID stand-in offers (demo mode and tests). Dilnoza's PINFL is the holder
 * PINFL of demo accounts 1726001001 and 1726001002 (seed/demo.ts); Jasur's matches no account, so
 * linking any account to him is refused as "not the holder".
 */
export const DEMO_ONEID_PEOPLE: readonly OneIdPersonAnswer[] = [
	{
		pin: '31503900270018',
		user_id: 'dkarimova',
		sur_name: 'KARIMOVA',
		first_name: 'DILNOZA',
		mid_name: 'RUSTAMOVNA',
		full_name: 'KARIMOVA DILNOZA RUSTAMOVNA',
		mob_phone_no: '998901234567',
		valid: 'true'
	},
	{
		pin: '32212950440021',
		user_id: 'jtoshmatov',
		sur_name: 'TOSHMATOV',
		first_name: 'JASUR',
		mid_name: 'AKMALOVICH',
		full_name: 'TOSHMATOV JASUR AKMALOVICH',
		mob_phone_no: '998935550011',
		valid: 'true'
	}
];

/** The demo's OneID client, public on purpose: it opens nothing but the local stand-in. */
export const DEMO_ONEID_CLIENT = {
	clientId: 'tok-demo',
	clientSecret: 'demo-oneid-secret-not-secret',
	scope: 'tok-demo'
} as const;
