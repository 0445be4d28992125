import { redirect } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { session } from './session.svelte';

/**
 * The load of a page behind sign-in (its +page.ts): signed out, straight to sign-in; signed in,
 * the page itself (lib/pages). SvelteKit fetches a route's +page module with the layout's, before
 * any load runs, so a page that imported its content directly would make a newcomer who opens
 * `/` download IndexedDB, the sync engine and the tariff module only to be sent to sign-in.
 */
export async function signedInPage(
	body: () => Promise<{ default: Component }>,
	{ staff = false }: { staff?: boolean } = {}
): Promise<{ Page: Component }> {
	if (!session.user) redirect(307, '/login');
	// HET staff have no accounts: a resident page would only say "no accounts linked".
	if (session.user.role !== 'resident' && !staff) redirect(307, '/');
	return { Page: (await body()).default };
}

/** Home: the resident's accounts, or for HET staff what they can do here. */
export async function homePage(
	resident: () => Promise<{ default: Component }>,
	staff: () => Promise<{ default: Component }>
): Promise<{ Page: Component }> {
	if (!session.user) redirect(307, '/login');
	return { Page: (await (session.user.role === 'resident' ? resident() : staff())).default };
}
