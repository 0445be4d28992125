import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { serverNow } from '$lib/server/clock';
import { serverLiveHub } from '$lib/server/sync/hub';
import { ImportRefusal, readImportUpload } from '$lib/server/ingest/officeImport';
import { importStream } from '$lib/server/ingest/importStream';
import { clientAddressOf } from '$lib/server/http/clientAddress';

/**
 * An operator's readings CSV from /office/import, applied as `npm run import:readings` applies a
 * file, for the meters in the operator's districts (an admin's: all). Answers with NDJSON: a
 * `{"done","total"}` line as each chunk commits, then `{"report": …}` (the import's report).
 * A refused file (not CSV, too large, a wrong header) is a JSON `{ error }` with a message key,
 * and nothing is written.
 */
export const POST: RequestHandler = async (event) => {
	const { request, locals } = event;
	const user = locals.user;
	if (!user) return json({ error: 'error.signed_out' }, { status: 401 });
	if (user.role !== 'operator' && user.role !== 'admin')
		return json({ error: 'error.forbidden' }, { status: 403 });
	let rows;
	try {
		rows = await readImportUpload(request);
	} catch (error) {
		if (!(error instanceof ImportRefusal)) throw error;
		return json({ error: error.key, message: error.message }, { status: error.status });
	}
	const db = getDb();
	return new Response(
		importStream(db, user, clientAddressOf(event), rows, serverNow(), (accounts) =>
			serverLiveHub.pokeAccounts(db, accounts)
		),
		{ headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } }
	);
};
