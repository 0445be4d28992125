/** How long open requests have waited, in the dashboard's columns: under a day, 1–3, 3–7, older. */
export const AGE_BUCKETS = ['today', 'days1to3', 'days3to7', 'older'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const DAY_MS = 86_400_000;

export function ageBucket(createdAtMs: number, nowMs: number): AgeBucket {
	const days = (nowMs - createdAtMs) / DAY_MS;
	if (days < 1) return 'today';
	if (days < 3) return 'days1to3';
	if (days < 7) return 'days3to7';
	return 'older';
}
