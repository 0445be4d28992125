import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id; OWASP's minimum is m=19 MiB, t=2, p=1.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

// Verified against when the login is unknown, so that a wrong login costs as long as a wrong
// password and timing does not tell which one was wrong.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
	passwordHash: string | null,
	password: string
): Promise<boolean> {
	if (passwordHash === null) {
		dummyHash ??= hashPassword('not-a-real-password');
		await verify(await dummyHash, password);
		return false;
	}
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}
