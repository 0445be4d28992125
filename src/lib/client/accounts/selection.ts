// Which account a page shows, when the user has several. Pure: the URL parameter, the account
// last chosen on this device and the linked accounts in, the account out.

export const ACCOUNT_PARAM = 'account';

/**
 * `?account=<id>` if that account is linked, else the one last chosen on this device if it still
 * is, else the first. An id that is not (or no longer) linked is ignored, never shown.
 */
export function pickAccount<A extends { id: number }>(
	accounts: readonly A[],
	fromUrl: string | null,
	remembered: number | null
): A | null {
	const byId = (id: number | null) =>
		id === null ? undefined : accounts.find((account) => account.id === id);
	const urlId = fromUrl !== null && /^\d+$/.test(fromUrl) ? Number(fromUrl) : null;
	return byId(urlId) ?? byId(remembered) ?? accounts[0] ?? null;
}

/** The same page (path and other parameters kept) showing another account. */
export function hrefWithAccount(url: URL, accountId: number): string {
	const params = new URLSearchParams(url.search);
	params.set(ACCOUNT_PARAM, String(accountId));
	return `${url.pathname}?${params.toString()}`;
}

/** A link to another page that keeps the account being looked at. */
export function pathWithAccount(path: string, accountId: number | null): string {
	return accountId === null ? path : `${path}?${ACCOUNT_PARAM}=${accountId}`;
}

/** How an account is named: its nickname on this device if it has one, else its number. */
export function accountLabel(
	account: { id: number; number: string },
	nicknames: Readonly<Record<number, string>>
): { name: string; number: string; hasNickname: boolean } {
	const nickname = nicknames[account.id]?.trim();
	return nickname
		? { name: nickname, number: account.number, hasNickname: true }
		: { name: account.number, number: account.number, hasNickname: false };
}
