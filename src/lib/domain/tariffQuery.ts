import { z } from 'zod';
import { LOCALES } from '../i18n/locale';

/** Asking the server to rate a month: the same question the phone answers offline. */
export const rateMonthInput = z.object({
	tariffClass: z.string().min(1).max(32),
	// A month of this century, as billing takes it: "0000-01" is a slip, not a question.
	month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: 'error.month_format' }),
	usageKwh: z.string().regex(/^\d{1,9}(\.\d{1,3})?$/, { error: 'error.kwh_format' }),
	locale: z.enum(LOCALES).default('uz')
});
