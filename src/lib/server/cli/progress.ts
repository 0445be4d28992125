import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr for a long CLI run; draws only on a terminal, so logs and tests get
 * just the report.
 */
export function progressBar(label: string, total: number, unit = '') {
	const bar = new SingleBar(
		{
			format: `${label} [{bar}] {percentage}% | {value}/{total}${unit} | {duration_formatted} elapsed, ETA {eta_formatted}`,
			stream: process.stderr,
			hideCursor: true,
			etaBuffer: 50
		},
		Presets.shades_classic
	);
	bar.start(total, 0);
	return {
		update: (done: number) => bar.update(done),
		stop: () => bar.stop()
	};
}
