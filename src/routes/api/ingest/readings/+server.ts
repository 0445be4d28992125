import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { checkBearerToken, IngestHttpError, readIngestBody } from '$lib/server/ingest/http';
import { ingestReadingsAsync } from '$lib/server/services/readingIngest';
import { serverLiveHub } from '$lib/server/sync/hub';
import { serverNow } from '$lib/server/clock';

/**
 * Daily readings from smart-meter head-ends: JSON `{"readings":[{meter, date, kwh}]}` or CSV
 * `meter,date,kwh`, at most 100,000 a request, applied in chunks of whole meters that let other
 * requests in between. Answers with the counts of inserted, unchanged, corrected, rejected and
 * suspect (held for an operator) rows, and why each rejected or held row was.
 * See src/lib/server/ingest/README.md.
 */
export const POST: RequestHandler = async ({ request }) => {
	try {
		checkBearerToken(request.headers.get('authorization'), process.env.INGEST_TOKEN);
		const rows = await readIngestBody(request);
		const db = getDb();
		const touchedAccounts = new Set<number>();
		const report = await ingestReadingsAsync(db, rows, {
			source: 'smart',
			nowMs: serverNow(),
			touchedAccounts
		});
		// Only the people who see a touched account pull; the rest are left alone.
		serverLiveHub.pokeAccounts(db, [...touchedAccounts]);
		return json(report);
	} catch (error) {
		if (!(error instanceof IngestHttpError)) throw error;
		const headers: Record<string, string> =
			error.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
		return json({ error: error.message }, { status: error.status, headers });
	}
};
