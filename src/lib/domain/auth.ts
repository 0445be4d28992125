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

export { ROLES, STAFF_ROLES, type Role } from './roles';
import type { Role } from './roles';

/** Who is signed in, as the server tells the client and the client remembers offline. */
export interface SessionUser {
	id: number;
	login: string;
	role: Role;
	displayName: string;
}

/** Changing one's password: the current one proves it is the person, not a borrowed phone. */
export const changePasswordInput = z
	.object({
		currentPassword: z
			.string({ error: 'error.password_required' })
			.min(1, { error: 'error.password_required' })
			.max(PASSWORD_MAX, { error: 'error.password_too_long' }),
		newPassword: z
			.string({ error: 'error.new_password_short' })
			.min(PASSWORD_MIN, { error: 'error.new_password_short' })
			.max(PASSWORD_MAX, { error: 'error.password_too_long' })
	})
	.refine((v) => v.newPassword !== v.currentPassword, {
		path: ['newPassword'],
		error: 'error.new_password_same'
	});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
