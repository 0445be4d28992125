/** Tiyin as so'm for a terminal: 15240000 → "152,400.00". */
export function som(tiyin: number): string {
	const abs = Math.abs(tiyin);
	const whole = Math.trunc(abs / 100).toLocaleString('en-US');
	return `${tiyin < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function count(n: number): string {
	return n.toLocaleString('en-US');
}
