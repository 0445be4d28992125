// Names the device of a session from its User-Agent, for the list in Settings: a person should
// recognise "Chrome on Android" as their phone. Brand names need no translation; what cannot be
// told is null and the page says "unknown" in the reader's language.

export interface DeviceName {
	browser: string | null;
	os: string | null;
}

// Order matters: Edge, Opera, Samsung and Yandex say "Chrome" too, and Chrome says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\bOPR\/|\bOpera\b/, 'Opera'],
	[/\bYaBrowser\//, 'Yandex Browser'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\bFirefox\/|\bFxiOS\//, 'Firefox'],
	[/\bChrom(e|ium)\/|\bCriOS\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

const SYSTEMS: Array<[RegExp, string]> = [
	[/\bAndroid\b/, 'Android'],
	[/\biPhone\b|\biPad\b|\biPod\b/, 'iOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bLinux\b/, 'Linux']
];

export function describeDevice(userAgent: string): DeviceName {
	const find = (table: Array<[RegExp, string]>) =>
		table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
	return { browser: find(BROWSERS), os: find(SYSTEMS) };
}
