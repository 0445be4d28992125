// What of a phone number or a PINFL may appear in logs an operator reads: enough to tell two
// apart on a call, not enough to use.

/** '+998901234567' → '+99890***4567'; anything else keeps its last 2 characters. */
export function maskPhone(phone: string): string {
	const digits = phone.trim();
	if (/^\+998\d{9}$/.test(digits)) return `${digits.slice(0, 6)}***${digits.slice(-4)}`;
	return digits.length <= 2 ? '***' : `***${digits.slice(-2)}`;
}

/** A PINFL (14 digits) → its first and last digit: '3**********2'. */
export function maskPinfl(pinfl: string): string {
	const p = pinfl.trim();
	if (p.length < 4) return '***';
	return `${p[0]}${'*'.repeat(p.length - 2)}${p[p.length - 1]}`;
}
