import { redirect } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { session } from './session.svelte';
import { mayOpen, ROLE_HOME, type PagePath } from '$lib/domain/pageAccess';

/**
 * The load of a page behind sign-in (its +page.ts): signed out, straight to sign-in; signed in
 * with a role the page is not for (domain/pageAccess), to that role's home; otherwise the page
 * itself (lib/pages). SvelteKit fetches a route's +page module with the layout's, before any
 * load runs, so a page that imported its content directly would make a newcomer who opens `/`
 * download IndexedDB, the sync engine and the tariff module only to be sent to sign-in.
 */
export async function signedInPage(
	path: PagePath,
	body: () => Promise<{ default: Component }>
): Promise<{ Page: Component }> {
	if (!session.user) redirect(307, '/login');
	if (!mayOpen(session.user.role, path)) redirect(307, ROLE_HOME[session.user.role]);
	return { Page: (await body()).default };
}

/** Home: the resident's accounts; HET staff go to their own app (ROLE_HOME). */
export async function homePage(
	resident: () => Promise<{ default: Component }>
): Promise<{ Page: Component }> {
	if (!session.user) redirect(307, '/login');
	const home = ROLE_HOME[session.user.role];
	if (home !== '/') redirect(307, home);
	return { Page: (await resident()).default };
}
