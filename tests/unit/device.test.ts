import { describe, expect, it } from 'vitest';
import { describeDevice } from '../../src/lib/domain/device';

// Settings names each session's device from its User-Agent, so a person knows their phone.
describe('naming a device from its User-Agent', () => {
	it.each([
		[
			'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
			'Chrome',
			'Android'
		],
		[
			'Mozilla/5.0 (Linux; Android 12; SAMSUNG SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
			'Samsung Internet',
			'Android'
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
			'Safari',
			'iOS'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
			'Edge',
			'Windows'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 YaBrowser/23.11 Safari/537.36',
			'Yandex Browser',
			'Windows'
		],
		[
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0',
			'Firefox',
			'macOS'
		]
	])('%s → %s on %s', (ua, browser, os) => {
		expect(describeDevice(ua)).toEqual({ browser, os });
	});

	it('says nothing it cannot tell', () => {
		expect(describeDevice('')).toEqual({ browser: null, os: null });
		expect(describeDevice('curl/8.4.0')).toEqual({ browser: null, os: null });
	});
});
