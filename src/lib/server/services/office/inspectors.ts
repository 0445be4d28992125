import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { staffDistricts, users } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { districtScope, inScope } from '../staffScope';
import { DomainError } from '../errors';

export interface InspectorListing {
	userId: number;
	displayName: string;
	login: string;
	/** The districts they work in that the caller sees too. */
	districts: string[];
}

/**
 * The inspectors an operator may send: those working in a district of the operator's (an admin,
 * every inspector), or only in `districtSoato` when given (the request's district).
 */
export function inspectorsInScope(
	db: Db,
	user: SessionUser,
	districtSoato?: string
): InspectorListing[] {
	const scope = districtScope(db, user);
	if (districtSoato && !inScope(scope, districtSoato))
		throw new DomainError('account_forbidden', 'error.account_forbidden');
	if (!scope.all && scope.districts.length === 0) return [];
	const where: SQL[] = [eq(users.role, 'inspector')];
	if (districtSoato) where.push(eq(staffDistricts.districtSoato, districtSoato));
	else if (!scope.all) where.push(inArray(staffDistricts.districtSoato, [...scope.districts]));
	const rows = db
		.select({
			userId: users.id,
			displayName: users.displayName,
			login: users.login,
			districtSoato: staffDistricts.districtSoato
		})
		.from(users)
		.innerJoin(staffDistricts, eq(staffDistricts.userId, users.id))
		.where(and(...where))
		.orderBy(asc(users.displayName), asc(users.id), asc(staffDistricts.districtSoato))
		.all();
	const byUser = new Map<number, InspectorListing>();
	for (const { districtSoato: d, ...who } of rows) {
		const listing = byUser.get(who.userId) ?? { ...who, districts: [] };
		listing.districts.push(d);
		byUser.set(who.userId, listing);
	}
	return [...byUser.values()];
}
