import { z } from 'zod';

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
