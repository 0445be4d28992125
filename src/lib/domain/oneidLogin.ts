// Without zod, for the settings page: logins of users made by a OneID sign-in begin so. They have
// no password; they sign in through OneID only.
export const ONEID_LOGIN_PREFIX = 'oneid-';
export const isOneIdLogin = (login: string) => login.startsWith(ONEID_LOGIN_PREFIX);
