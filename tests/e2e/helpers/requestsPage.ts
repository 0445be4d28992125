import { expect, type Page } from '@playwright/test';
import { signIn } from './app';

export type RequestKind = 'disconnection' | 'meter_replacement' | 'inspection' | 'sealing';

/** Signs in and opens Service requests from the main menu. */
export async function openRequests(page: Page, login = 'demo', password = 'demo12345') {
	await signIn(page, login, password);
	await page
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Requests' })
		.click();
	await expect(page.getByRole('heading', { name: 'Service requests' })).toBeVisible();
	// The first sync must have brought the accounts before a test takes the network away.
	await expect(page.getByLabel('Type of request')).toBeVisible();
}

/** The card of the request whose text (its note) is `text`. */
export const requestCard = (page: Page, text: string) =>
	page.locator('article[data-request]', { hasText: text });

/** Shows the requests of one of the person's accounts ("1726001002"): the header's switcher. */
export async function chooseAccount(page: Page, accountNumber: string) {
	await page.getByTestId('account-switcher').click();
	await page.locator(`#account-menu [data-account-option="${accountNumber}"]`).click();
	await expect(
		page.getByRole('heading', { name: `Requests for account ${accountNumber}` })
	).toBeVisible();
}

export interface NewRequest {
	kind: RequestKind;
	/** Unique per test: how the test finds the request on the page and on the server. */
	note: string;
	/** The account to file it for; the one shown if not given. */
	account?: string;
}

/** Files a request through the form and waits until its card shows. */
export async function fileRequest(page: Page, request: NewRequest) {
	if (request.account) await chooseAccount(page, request.account);
	await page.getByLabel('Type of request').selectOption(request.kind);
	await page.getByLabel(/^Note/).fill(request.note);
	await page.getByRole('button', { name: 'Send request' }).click();
	await expect(requestCard(page, request.note)).toBeVisible();
}

/** The person cancels a request from its card. */
export async function cancelRequest(page: Page, note: string) {
	await requestCard(page, note).getByRole('button', { name: 'Cancel request' }).click();
	await requestCard(page, note).getByRole('button', { name: 'Yes, cancel it' }).click();
	await expect(requestCard(page, note).getByTestId('request-status')).toContainText(
		/Cancelling|Cancelled/
	);
}

/** What the person sees once everything they did has reached the server. */
export async function expectNothingWaiting(page: Page, timeout?: number) {
	await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout });
	await expect(page.locator('[data-testid="request-status"][data-pending]')).toHaveCount(0);
}
