/**
 * How the phone shrinks a photo before it keeps it: a meter's display and seal stay readable at
 * 1600 px on the longest side, and about 200 kB uploads over a weak 3G link in a few seconds.
 */
export const PHOTO_MAX_SIDE_PX = 1600;
export const PHOTO_TARGET_BYTES = 200 * 1024;
/** JPEG qualities tried in turn until the file is small enough. */
export const JPEG_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45] as const;
/** When even the lowest quality is too big, the picture is scaled down by this and tried again. */
export const SHRINK_STEP = 0.75;
/** Below this longest side the photo is kept at the lowest quality, however big. */
export const PHOTO_MIN_SIDE_PX = 400;

/** `width`×`height` scaled to fit `maxSide` on its longest side, never enlarged, whole pixels. */
export function fitWithin(
	width: number,
	height: number,
	maxSide: number
): { width: number; height: number } {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}
