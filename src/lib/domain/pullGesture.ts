// The pull-to-refresh gesture as plain arithmetic, so it can be tested without a touch screen:
// a finger that starts at the top of the page and pulls down far enough asks for a sync.

export const PULL_THRESHOLD_PX = 72;
const RESISTANCE = 0.5;

export interface PullState {
	startY: number | null;
	/** How far the indicator shows, in px (the finger's travel with some resistance). */
	distancePx: number;
}

export const idle: PullState = { startY: null, distancePx: 0 };

/** A touch begins; only a page scrolled to the very top can be pulled. */
export function pullStart(scrollTop: number, y: number): PullState {
	return scrollTop <= 0 ? { startY: y, distancePx: 0 } : idle;
}

export function pullMove(state: PullState, y: number): PullState {
	if (state.startY === null) return state;
	const travel = Math.max(0, y - state.startY);
	return {
		startY: state.startY,
		distancePx: Math.min(travel * RESISTANCE, PULL_THRESHOLD_PX * 1.5)
	};
}

/** The finger lifts: refresh when pulled past the threshold. */
export function pullEnd(state: PullState): { refresh: boolean; state: PullState } {
	return { refresh: state.startY !== null && state.distancePx >= PULL_THRESHOLD_PX, state: idle };
}
