import { randomInt } from 'node:crypto';

// Passwords Tok makes up and sends by SMS: read off a phone screen and typed on a phone keyboard,
// so lowercase letters and digits only, without the ones that look alike (0/o, 1/l/i). Ten of
// these 31 characters are ~49.5 bits, far past what the sign-in limits let anyone guess.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 10;

export function generatePassword(length = GENERATED_PASSWORD_LENGTH): string {
	let password = '';
	for (let i = 0; i < length; i++) password += ALPHABET[randomInt(ALPHABET.length)];
	// A password of letters only (or digits only) is fine by entropy but looks odd: one of each.
	if (!/\d/.test(password) || !/[a-z]/.test(password)) return generatePassword(length);
	return password;
}
