import {
	fitWithin,
	JPEG_QUALITIES,
	PHOTO_MAX_SIDE_PX,
	PHOTO_MIN_SIDE_PX,
	PHOTO_TARGET_BYTES,
	SHRINK_STEP
} from '$lib/domain/inspection/photoShrink';

/** The message of the Error thrown for a file the browser cannot decode as a picture. */
export const NOT_AN_IMAGE = 'error.photo_not_image';

type Canvas = OffscreenCanvas | HTMLCanvasElement;

function makeCanvas(width: number, height: number): Canvas {
	if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	return canvas;
}

function encodeJpeg(canvas: Canvas, quality: number): Promise<Blob> {
	if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('error.photo_not_image'))),
			'image/jpeg',
			quality
		)
	);
}

interface Picture {
	source: CanvasImageSource;
	width: number;
	height: number;
	close(): void;
}

/**
 * Safari before 15 has no createImageBitmap for a Blob: an <img> decodes it instead (and, as
 * createImageBitmap's `from-image`, is drawn turned as the camera's EXIF orientation says).
 */
async function decodeWithImg(file: Blob): Promise<Picture> {
	const url = URL.createObjectURL(file);
	const img = new Image();
	try {
		img.src = url;
		await img.decode();
	} catch {
		URL.revokeObjectURL(url);
		throw new Error(NOT_AN_IMAGE);
	}
	return {
		source: img,
		width: img.naturalWidth,
		height: img.naturalHeight,
		close: () => URL.revokeObjectURL(url)
	};
}

async function decode(file: Blob): Promise<Picture> {
	if (file.type && !file.type.startsWith('image/')) throw new Error(NOT_AN_IMAGE);
	if (typeof createImageBitmap !== 'function') return decodeWithImg(file);
	try {
		// The camera's EXIF orientation applied, so that the meter is upright in the JPEG too.
		const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
		return {
			source: bitmap,
			width: bitmap.width,
			height: bitmap.height,
			close: () => bitmap.close()
		};
	} catch {
		throw new Error(NOT_AN_IMAGE);
	}
}

/**
 * The photo as a JPEG of at most PHOTO_MAX_SIDE_PX on its longest side and about
 * PHOTO_TARGET_BYTES: quality stepped down first, then the size. Re-encoding also drops the
 * camera's EXIF (GPS position included); the result keeps its own position field instead.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
	const picture = await decode(file);
	try {
		let { width, height } = fitWithin(picture.width, picture.height, PHOTO_MAX_SIDE_PX);
		for (;;) {
			const canvas = makeCanvas(width, height);
			const context = canvas.getContext('2d') as
				OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
			if (!context) throw new Error(NOT_AN_IMAGE);
			// JPEG has no transparency: a PNG's clear parts become white, not black.
			context.fillStyle = '#fff';
			context.fillRect(0, 0, width, height);
			context.drawImage(picture.source, 0, 0, width, height);
			let jpeg: Blob | null = null;
			for (const quality of JPEG_QUALITIES) {
				jpeg = await encodeJpeg(canvas, quality);
				if (jpeg.size <= PHOTO_TARGET_BYTES) return jpeg;
			}
			if (!jpeg || Math.max(width, height) <= PHOTO_MIN_SIDE_PX) {
				if (jpeg) return jpeg;
				throw new Error(NOT_AN_IMAGE);
			}
			({ width, height } = fitWithin(
				width,
				height,
				Math.round(Math.max(width, height) * SHRINK_STEP)
			));
		}
	} finally {
		picture.close();
	}
}
