import { createHash, timingSafeEqual } from 'node:crypto';

/** The `login:password` of an `Authorization: Basic …` header, or undefined. */
export function basicCredentials(authorization: string | null): string | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
	return match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
}

/** Compares two secrets in constant time (over their digests, so lengths leak nothing). */
export function sameSecret(given: string, expected: string): boolean {
	const digest = (s: string) => createHash('sha256').update(s).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** Whether `authorization` is Basic with exactly `login:password`. */
export function basicAuthorized(
	authorization: string | null,
	login: string,
	password: string
): boolean {
	const given = basicCredentials(authorization);
	return given !== undefined && sameSecret(given, `${login}:${password}`);
}
