// Chrome and Edge offer to install a PWA through a `beforeinstallprompt` event that fires once,
// early, and must be kept to be used later (from the settings page). Safari and Firefox never
// fire it: there the page explains the browser's own "Add to Home screen".

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const installPrompt = $state<{ available: boolean; installed: boolean }>({
	available: false,
	installed: false
});

let deferred: BeforeInstallPromptEvent | null = null;
let listening = false;

/** Call as early as the app starts (the root layout), before the browser fires the event. */
export function captureInstallPrompt(): void {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	installPrompt.installed =
		window.matchMedia?.('(display-mode: standalone)').matches === true ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true;
	window.addEventListener('beforeinstallprompt', (event) => {
		event.preventDefault(); // No mini-infobar: the settings page offers it.
		deferred = event as BeforeInstallPromptEvent;
		installPrompt.available = true;
	});
	window.addEventListener('appinstalled', () => {
		deferred = null;
		installPrompt.available = false;
		installPrompt.installed = true;
	});
}

/** Shows the browser's install dialog; the event can be used once only. */
export async function promptInstall(): Promise<void> {
	const event = deferred;
	if (!event) return;
	deferred = null;
	installPrompt.available = false;
	await event.prompt();
	const { outcome } = await event.userChoice;
	if (outcome === 'accepted') installPrompt.installed = true;
}
