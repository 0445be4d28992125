import type { Db } from '../db';
import type { SessionUser } from '../auth/session';
import { ingestReadingsAsync, type IncomingReading } from '../services/readingIngest';
import { districtScope } from '../services/staffScope';
import { recordAudit } from '../services/audit';

/**
 * The import of an uploaded file as NDJSON: a `{"done","total"}` line each time a chunk of rows
 * is judged (so the page's bar moves with the work itself), then `{"report": …}`. The import
 * goes on if the page goes away: the chunks already committed stand, and sending the file again
 * completes it (rows are idempotent per meter and day).
 */
export function importStream(
	db: Db,
	user: SessionUser,
	address: string,
	rows: readonly IncomingReading[],
	nowMs: number,
	poke: (accountIds: number[]) => void
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let open = true;
	return new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (value: unknown) => {
				if (open) controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
			};
			const touchedAccounts = new Set<number>();
			try {
				const report = await ingestReadingsAsync(db, rows, {
					source: 'import',
					nowMs,
					touchedAccounts,
					scope: districtScope(db, user),
					onProgress: (done, total) => send({ done, total })
				});
				recordAudit(db, {
					event: 'readings_imported',
					userId: user.id,
					subject: user.login,
					address,
					detail: {
						rows: rows.length,
						inserted: report.inserted,
						unchanged: report.unchanged,
						corrected: report.corrected,
						rejected: report.rejected,
						suspect: report.suspect
					},
					atMs: nowMs
				});
				poke([...touchedAccounts]);
				send({ report });
			} catch (error) {
				send({ error: 'error.server' });
				console.error('office import failed', error);
			}
			if (open) controller.close();
		},
		cancel() {
			open = false;
		}
	});
}
