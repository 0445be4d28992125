import { whToKwh, tiyinToSom } from '$lib/domain/money';
import { i18n, t, type MessageKey } from '$lib/i18n/index.svelte';
import { formatKwh, formatSom } from '$lib/i18n/numbers';
import { formatPlain, NO_BREAK_SPACE } from '$lib/i18n/numbers';

// How the consumption, home and history pages write months, energy and money in the current
// language. Amounts go through the tariff module's formatting only.

const monthNumber = (month: string) => Number(month.slice(5, 7));

/** "November 2026", "Noyabr 2026", "Ноябрь 2026". */
export function monthLabel(month: string): string {
	return t('consumption.monthYear', {
		month: t(`consumption.monthName.${monthNumber(month)}` as MessageKey),
		year: month.slice(0, 4)
	});
}

/** "Nov", "noy", "ноя": under a bar. */
export function monthShortLabel(month: string): string {
	return t(`consumption.monthShort.${monthNumber(month)}` as MessageKey);
}

export const kwhText = (wh: number): string => formatKwh(whToKwh(wh), i18n.locale);
export const somText = (tiyin: number): string => formatSom(tiyinToSom(tiyin), i18n.locale);

const plus = (value: number, text: string) => (value > 0 ? `+${text}` : text);

/** A difference with its sign: "+12.5 kWh", "-9,600 so'm", "0 kWh". */
export const signedKwhText = (wh: number): string => plus(wh, kwhText(wh));
export const signedSomText = (tiyin: number): string => plus(tiyin, somText(tiyin));

/** "+4.1 %", "-16,7 %"; a dash when there is nothing to compare with. */
export function signedPercentText(percent: number | null): string {
	if (percent === null) return '—';
	return plus(percent, `${formatPlain(String(percent), i18n.locale)}${NO_BREAK_SPACE}%`);
}
