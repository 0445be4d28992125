// The account last chosen on this device, per user, so that a page opened without `?account=`
// (the installed app's start, a bookmark) shows the same account as before.
const key = (userId: number) => `tok.account.${userId}`;

// Chosen during this visit; reading it makes a derived value follow the next choice.
const chosen = $state<Record<number, number>>({});

function stored(userId: number): number | null {
	try {
		const value = localStorage.getItem(key(userId));
		return value && /^\d+$/.test(value) ? Number(value) : null;
	} catch {
		return null; // Storage blocked: nothing remembered, the first account is shown.
	}
}

export function rememberedAccountId(userId: number): number | null {
	return chosen[userId] ?? stored(userId);
}

export function rememberAccount(userId: number, accountId: number): void {
	if (chosen[userId] === accountId) return;
	chosen[userId] = accountId;
	try {
		localStorage.setItem(key(userId), String(accountId));
	} catch {
		// Not kept past this visit; the URL still says which account is shown.
	}
}
