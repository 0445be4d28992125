import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { AccountSummary } from '$lib/domain/account';

// The account a page shows is in its address (?account=<id>), so that a link, the back button,
// a reload and the account switcher in the header all agree on it.

export const ACCOUNT_PARAM = 'account';

/** The account named in the address, else the first one. */
export function selectedAccount(accounts: readonly AccountSummary[]): AccountSummary | null {
	const wanted = Number(page.url.searchParams.get(ACCOUNT_PARAM));
	return accounts.find((a) => a.id === wanted) ?? accounts[0] ?? null;
}

/** Shows another account on the same page, replacing the address rather than adding to history. */
export function chooseAccount(id: number): void {
	const params = new URLSearchParams(page.url.search);
	params.set(ACCOUNT_PARAM, String(id));
	void goto(`${page.url.pathname}?${params.toString()}`, {
		replaceState: true,
		keepFocus: true,
		noScroll: true
	});
}

/** A page of this app for one account: `/consumption?account=1`. */
export function accountHref(path: string, accountId: number): string {
	return `${path}?${ACCOUNT_PARAM}=${accountId}`;
}
