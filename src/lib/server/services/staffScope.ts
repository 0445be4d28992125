import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accounts, staffDistricts } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { DomainError } from './errors';

/** Every district, for an admin; otherwise the districts a member of staff works in. */
export type DistrictScope = { all: true } | { all: false; districts: readonly string[] };

export function districtScope(db: Db, user: SessionUser): DistrictScope {
	if (user.role === 'admin') return { all: true };
	if (user.role === 'resident') return { all: false, districts: [] };
	return {
		all: false,
		districts: db
			.select({ soato: staffDistricts.districtSoato })
			.from(staffDistricts)
			.where(eq(staffDistricts.userId, user.id))
			.all()
			.map((r) => r.soato)
	};
}

export function inScope(scope: DistrictScope, districtSoato: string): boolean {
	return scope.all || scope.districts.includes(districtSoato);
}

/**
 * Refuses an operator an account outside their districts, as if it did not exist to them
 * (the same answer as a foreign account to a resident).
 */
export function assertAccountInScope(db: Db, user: SessionUser, accountId: number): void {
	const account = db
		.select({ districtSoato: accounts.districtSoato })
		.from(accounts)
		.where(eq(accounts.id, accountId))
		.get();
	if (!account || !inScope(districtScope(db, user), account.districtSoato))
		throw new DomainError('account_forbidden', 'error.account_forbidden');
}
