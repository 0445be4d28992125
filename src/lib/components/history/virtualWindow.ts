/**
 * Which rows of a long list of equal-height rows to put in the page: the ones in view plus
 * `overscan` on each side, and where the first of them sits. Everything else is empty space, so
 * two years of daily readings cost a screenful of DOM nodes.
 */
export interface VirtualWindow {
	/** First row to render (inclusive) and the row after the last (exclusive). */
	start: number;
	end: number;
	/** Pixels from the top of the list to the first rendered row. */
	offsetPx: number;
	/** Height of the whole list, as if every row were there. */
	totalPx: number;
}

export function virtualWindow(options: {
	count: number;
	rowPx: number;
	scrollTopPx: number;
	viewportPx: number;
	overscan?: number;
}): VirtualWindow {
	const { count, rowPx } = options;
	const overscan = options.overscan ?? 8;
	const totalPx = count * rowPx;
	const top = Math.min(Math.max(0, options.scrollTopPx), Math.max(0, totalPx - options.viewportPx));
	const first = Math.floor(top / rowPx);
	const visible = Math.ceil(Math.max(0, options.viewportPx) / rowPx) + 1;
	const start = Math.max(0, first - overscan);
	const end = Math.min(count, first + visible + overscan);
	return { start, end: Math.max(start, end), offsetPx: start * rowPx, totalPx };
}
