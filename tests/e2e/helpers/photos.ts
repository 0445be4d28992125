import type { Page } from '@playwright/test';

/** A real JPEG, drawn and encoded by the browser itself, different each call (its label). */
export async function aJpeg(page: Page, label = 'photo'): Promise<Buffer> {
	const dataUrl = await page.evaluate((text) => {
		const canvas = document.createElement('canvas');
		canvas.width = 320;
		canvas.height = 240;
		const g = canvas.getContext('2d')!;
		g.fillStyle = '#2a6';
		g.fillRect(0, 0, 320, 240);
		g.fillStyle = '#fff';
		g.font = '40px sans-serif';
		g.fillText(`${text} ${Date.now() % 100000}`, 20, 130);
		return canvas.toDataURL('image/jpeg', 0.8);
	}, label);
	return Buffer.from(dataUrl.split(',')[1], 'base64');
}
