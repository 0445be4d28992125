import { z } from 'zod';
import { signInInput } from './auth';

export const accountIdInput = z.object({
	accountId: z.number({ error: 'error.invalid_input' }).int().positive()
});

/** What the dashboard shows of one account; synced to the phone as is. */
export interface AccountSummary {
	id: number;
	number: string;
	holderName: string;
	address: string;
	districtSoato: string;
	tariffClass: 'household' | 'stove';
	balanceTiyin: number;
	lastPayment: { date: string; amountTiyin: number; operator: string | null } | null;
	lastReading: { date: string; valueWh: number; source: string; estimated: boolean } | null;
}

/** Adding another account by that account's own login and password (HET gives one per account). */
export const linkAccountInput = signInInput;
export type LinkAccountInput = z.infer<typeof linkAccountInput>;

export const unlinkAccountInput = accountIdInput;

export const NICKNAME_MAX = 24;

/** A name the person gives an account on their device ("Home", "Dacha"); empty means none. */
export const accountNickname = z
	.string({ error: 'error.invalid_input' })
	.trim()
	.max(NICKNAME_MAX, { error: 'error.nickname_too_long' });
