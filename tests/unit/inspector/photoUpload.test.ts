import { describe, expect, it } from 'vitest';
import {
	formatUploadMetadata,
	parseUploadMetadata,
	startsAsType
} from '../../../src/lib/domain/inspection/photoUpload';
import { fitWithin } from '../../../src/lib/domain/inspection/photoShrink';

describe('tus Upload-Metadata', () => {
	it('what the phone writes, the server reads back, values of any script included', () => {
		const values = {
			sha256: 'ab'.repeat(32),
			filetype: 'image/jpeg',
			note: 'Oʻzbekiston, счётчик'
		};
		expect(Object.fromEntries(parseUploadMetadata(formatUploadMetadata(values))!)).toEqual(values);
	});

	it('reads a key without a value, and no header as no metadata', () => {
		expect(
			Object.fromEntries(parseUploadMetadata('is_confidential,filetype aW1hZ2UvcG5n')!)
		).toEqual({ is_confidential: '', filetype: 'image/png' });
		expect(parseUploadMetadata(null)?.size).toBe(0);
	});

	it('refuses a malformed header: a key twice, a value that is not base64, three parts', () => {
		expect(parseUploadMetadata('a YQ==,a Yg==')).toBeNull();
		expect(parseUploadMetadata('a not*base64')).toBeNull();
		expect(parseUploadMetadata('a YQ== extra')).toBeNull();
	});
});

describe('a photo’s first bytes', () => {
	const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);
	const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
	const webp = Uint8Array.from(
		[...'RIFF']
			.map((c) => c.charCodeAt(0))
			.concat(
				[1, 2, 3, 4],
				[...'WEBP'].map((c) => c.charCodeAt(0))
			)
	);

	it('are what the type says, or the file is not that type', () => {
		expect(startsAsType(jpeg, 'image/jpeg')).toBe(true);
		expect(startsAsType(png, 'image/png')).toBe(true);
		expect(startsAsType(webp, 'image/webp')).toBe(true);
		expect(startsAsType(png, 'image/jpeg')).toBe(false);
		expect(startsAsType(jpeg, 'image/webp')).toBe(false);
		expect(startsAsType(new TextEncoder().encode('<svg onload=alert(1)>'), 'image/png')).toBe(
			false
		);
	});

	it('a first chunk shorter than the signature is judged on what it has', () => {
		expect(startsAsType(png.subarray(0, 3), 'image/png')).toBe(true);
		expect(startsAsType(Uint8Array.from([0x89, 0x00]), 'image/png')).toBe(false);
	});
});

describe('fitting a photo within the longest side', () => {
	it('scales the longest side down to the limit, keeping the proportions', () => {
		expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
		expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
	});

	it('never enlarges a small photo', () => {
		expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
	});
});
