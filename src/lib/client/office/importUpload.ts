import type { IngestReport } from '$lib/domain/readings/ingest';

// The readings CSV sent to /api/office/readings/import. XMLHttpRequest rather than fetch: only
// it tells how much of the file has gone up, and it hands over the streamed answer (NDJSON) as
// it grows, so both the upload and the server's work move the bar.

export type ImportProgress =
	| { phase: 'uploading'; done: number; total: number }
	| { phase: 'checking' }
	| { phase: 'applying'; done: number; total: number };

export type ImportOutcome =
	{ ok: true; report: IngestReport } | { ok: false; error: string; detail?: string };

export const IMPORT_URL = '/api/office/readings/import';

/** Sends `file` and resolves with the report or the refusal's message key. */
export function uploadReadings(
	file: Blob,
	onProgress: (progress: ImportProgress) => void
): Promise<ImportOutcome> {
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		let read = 0;
		let outcome: ImportOutcome | null = null;
		const takeLines = () => {
			const text = xhr.responseText;
			const end = text.lastIndexOf('\n');
			if (end < read) return;
			for (const line of text.slice(read, end).split('\n')) {
				if (line.trim() === '') continue;
				const message = JSON.parse(line) as
					{ done: number; total: number } | { report: IngestReport } | { error: string };
				if ('report' in message) outcome = { ok: true, report: message.report };
				else if ('error' in message) outcome = { ok: false, error: message.error };
				else onProgress({ phase: 'applying', done: message.done, total: message.total });
			}
			read = end + 1;
		};
		xhr.open('POST', IMPORT_URL);
		xhr.setRequestHeader('content-type', 'text/csv');
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable)
				onProgress({ phase: 'uploading', done: event.loaded, total: event.total });
		};
		xhr.upload.onload = () => onProgress({ phase: 'checking' });
		xhr.onprogress = () => {
			if (xhr.status === 200) takeLines();
		};
		xhr.onload = () => {
			if (xhr.status !== 200) {
				let body: { error?: string; message?: string } = {};
				try {
					body = JSON.parse(xhr.responseText);
				} catch {
					// A proxy's page, not ours: the status says enough.
				}
				const error =
					body.error ?? (xhr.status === 413 ? 'error.import_too_large' : 'error.server');
				resolve({ ok: false, error, detail: body.message });
				return;
			}
			takeLines();
			resolve(outcome ?? { ok: false, error: 'error.server' });
		};
		xhr.onerror = () => resolve({ ok: false, error: 'error.network' });
		xhr.send(file);
	});
}
