// Phone numbers as accounts hold them: '+998' and 9 digits. Gateways send them with or without
// the '+', people type them with spaces, dashes or brackets, or only the 9 local digits.

/** '+998 90 123-45-67', '998901234567', '90 123 45 67' → '+998901234567'; null when not a number. */
export function normalizePhone(input: string): string | null {
	const compact = input.trim().replace(/[\s\-().]/g, '');
	if (/^\+?998\d{9}$/.test(compact)) return `+${compact.replace(/^\+/, '')}`;
	if (/^\d{9}$/.test(compact)) return `+998${compact}`;
	if (/^\+?998/.test(compact)) return null; // an Uzbek number with digits missing or extra
	// Another country's number (a roaming resident's gateway may pass one): kept as E.164.
	if (/^\+\d{8,15}$/.test(compact)) return compact;
	return null;
}

/** True for what a person means as a phone rather than a login: digits, spaces, +, -, (). */
export function looksLikePhone(input: string): boolean {
	return /^[+\d\s\-()]+$/.test(input.trim()) && normalizePhone(input) !== null;
}
