import { z } from 'zod';
import { LOCALES } from '../i18n/locale';

/** Asking the server to rate a month: the same question the phone answers offline. */
export const rateMonthInput = z.object({
	tariffClass: z.string().min(1).max(32),
	month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'error.month_format' }),
	usageKwh: z.string().regex(/^\d{1,9}(\.\d{1,3})?$/, { error: 'error.kwh_format' }),
	locale: z.enum(LOCALES).default('uz')
});
