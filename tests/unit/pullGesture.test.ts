import { describe, expect, it } from 'vitest';
import {
	idle,
	PULL_THRESHOLD_PX,
	pullEnd,
	pullMove,
	pullStart
} from '../../src/lib/domain/pullGesture';

describe('pull to refresh', () => {
	it('pulling down far enough from the top of the page asks for a sync', () => {
		let s = pullStart(0, 100);
		s = pullMove(s, 100 + (PULL_THRESHOLD_PX * 2 + 10));
		expect(pullEnd(s).refresh).toBe(true);
	});

	it('a short pull, a pull upwards, or a pull that starts below the top does nothing', () => {
		expect(pullEnd(pullMove(pullStart(0, 100), 120)).refresh).toBe(false);
		expect(pullEnd(pullMove(pullStart(0, 300), 0)).refresh).toBe(false);
		expect(pullEnd(pullMove(pullStart(250, 100), 600)).refresh).toBe(false);
	});

	it('the indicator follows the finger with resistance and stops growing', () => {
		const s = pullStart(0, 0);
		expect(pullMove(s, 40).distancePx).toBe(20);
		expect(pullMove(s, 10_000).distancePx).toBe(PULL_THRESHOLD_PX * 1.5);
		expect(pullEnd(pullMove(s, 10_000)).state).toEqual(idle);
	});
});
