import { z } from 'zod';

export const LOGIN_MAX = 64;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// Messages are i18n keys; the client shows them in the person's language.
export const signInInput = z.object({
	login: z
		.string({ error: 'error.login_required' })
		.trim()
		.min(1, { error: 'error.login_required' })
		.max(LOGIN_MAX, { error: 'error.login_too_long' }),
	password: z
		.string({ error: 'error.password_required' })
		.min(1, { error: 'error.password_required' })
		.max(PASSWORD_MAX, { error: 'error.password_too_long' })
});
export type SignInInput = z.infer<typeof signInInput>;

/** "Forgot password?": a login or a phone number, whichever the person remembers. */
export const passwordResetInput = z.object({
	identifier: z
		.string({ error: 'error.reset_identifier_required' })
		.trim()
		.min(1, { error: 'error.reset_identifier_required' })
		.max(LOGIN_MAX, { error: 'error.login_too_long' })
});
export type PasswordResetInput = z.infer<typeof passwordResetInput>;

export const ROLES = ['resident', 'inspector', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, as the server tells the client and the client remembers offline. */
export interface SessionUser {
	id: number;
	login: string;
	role: Role;
	displayName: string;
}
