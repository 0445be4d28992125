import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { accounts, inspectionResults, photos, resultPhotos } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { districtScope, inScope } from '../staffScope';
import { readPhoto } from './photoFiles';
import { UploadRefused } from './uploadRefused';

export interface ViewablePhoto {
	bytes: Buffer;
	mimeType: string;
}

/**
 * Whether `user` may see the photo: the inspector who uploaded it or whose result names it, and
 * operators and admins whose districts hold the account of a result it belongs to. A photo
 * outside that is answered as missing, as a foreign account is.
 */
function maySee(db: Db, user: SessionUser, sha256: string, uploaderId: number): boolean {
	const results = db
		.select({ inspectorId: inspectionResults.inspectorUserId, soato: accounts.districtSoato })
		.from(resultPhotos)
		.innerJoin(inspectionResults, eq(inspectionResults.id, resultPhotos.resultId))
		.innerJoin(accounts, eq(accounts.id, inspectionResults.accountId))
		.where(eq(resultPhotos.sha256, sha256))
		.all();
	if (user.role === 'inspector')
		return uploaderId === user.id || results.some((r) => r.inspectorId === user.id);
	const scope = districtScope(db, user);
	return results.some((r) => inScope(scope, r.soato));
}

/** The photo's bytes for `user`, or a refusal: signed out 401, a resident 403, else 404. */
export async function viewablePhoto(
	db: Db,
	user: SessionUser | null,
	sha256: string
): Promise<ViewablePhoto> {
	if (!user) throw new UploadRefused('signed_out');
	if (user.role === 'resident') throw new UploadRefused('forbidden');
	const row = db
		.select()
		.from(photos)
		.where(and(eq(photos.sha256, sha256), eq(photos.complete, true)))
		.get();
	if (!row || !maySee(db, user, sha256, row.uploadedByUserId)) throw new UploadRefused('missing');
	return { bytes: await readPhoto(sha256), mimeType: row.mimeType };
}
