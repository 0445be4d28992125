/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version nibble 7, 74 random bits and the
 * variant bits 10. Ids made in later milliseconds sort after earlier ones as strings; order within
 * one millisecond is random, which is fine: the outbox orders commands by seq, not by id.
 *
 * Written here rather than `crypto.randomUUID` (v4 only, and missing before Safari 15.4).
 */
export function uuidv7(
	nowMs: number = Date.now(),
	fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)
): string {
	const bytes = new Uint8Array(16);
	fillRandom(bytes);
	let ms = Math.floor(nowMs);
	for (let i = 5; i >= 0; i--) {
		bytes[i] = ms % 256;
		ms = Math.floor(ms / 256);
	}
	bytes[6] = 0x70 | (bytes[6] & 0x0f);
	bytes[8] = 0x80 | (bytes[8] & 0x3f);
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
