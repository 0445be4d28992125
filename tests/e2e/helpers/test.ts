import { test as base, type BrowserContext } from '@playwright/test';
import { E2E_CLOCK } from '../../../playwright.config';
import { tashkentToday } from '../../../src/lib/domain/dates';

export { expect } from '@playwright/test';
export type { BrowserContext, Locator, Page } from '@playwright/test';

/** The instant the e2e calendar starts at (the server's TOK_CLOCK is the same). */
export const E2E_NOW_MS = Date.parse(E2E_CLOCK);
/** Today in Tashkent on that calendar: what "today" is for the server and the pages. */
export const e2eToday = () => tashkentToday(E2E_NOW_MS);

/** Starts a browser context's clock at E2E_CLOCK; time then runs on at the normal pace. */
export async function pinClock(context: BrowserContext): Promise<BrowserContext> {
	await context.clock.install({ time: E2E_NOW_MS });
	return context;
}

/** Playwright's test, with every context's clock pinned to the e2e calendar. */
export const test = base.extend({
	context: async ({ context }, use) => {
		await use(await pinClock(context));
	}
});
