import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { accounts, staffDistricts, userAccounts } from '../db/schema';
import { createUser } from '../services/auth';
import { districtsOfRegion } from '../../domain/geo';

// Staff work in a region's districts: Tashkent city (1726), where the demo accounts are, and
// Samarqand region (1718) for the second operator and inspector, who must not see Tashkent's.

/** Demo sign-ins. Seeded only by `npm start` (demo mode) and tests, never by `npm run serve`. */
export const DEMO_USERS = [
	{
		login: 'demo',
		password: 'demo12345',
		role: 'resident',
		displayName: 'Demo',
		phone: '+998901234567',
		accounts: ['1726001001', '1726001002']
	},
	{
		login: 'demo2',
		password: 'demo12345',
		role: 'resident',
		displayName: 'Demo 2',
		phone: '+998907654321',
		accounts: ['1726001003']
	},
	{
		login: 'inspector',
		password: 'inspect12345',
		role: 'inspector',
		displayName: 'Inspector',
		phone: null,
		accounts: [],
		region: '1726'
	},
	{
		login: 'operator',
		password: 'operate12345',
		role: 'operator',
		displayName: 'Operator',
		phone: null,
		accounts: [],
		region: '1726'
	},
	{
		login: 'inspector2',
		password: 'inspect12345',
		role: 'inspector',
		displayName: 'Inspector 2',
		phone: null,
		accounts: [],
		region: '1718'
	},
	{
		login: 'operator2',
		password: 'operate12345',
		role: 'operator',
		displayName: 'Operator 2',
		phone: null,
		accounts: [],
		region: '1718'
	},
	{
		login: 'admin',
		password: 'admin12345',
		role: 'admin',
		displayName: 'Admin',
		phone: null,
		accounts: []
	}
] as const;

export async function seedDemoUsers(db: Db, nowMs: number): Promise<void> {
	for (const u of DEMO_USERS) {
		const userId = await createUser(
			db,
			{
				login: u.login,
				password: u.password,
				role: u.role,
				displayName: u.displayName,
				phone: u.phone ?? undefined
			},
			nowMs
		);
		if ('region' in u)
			for (const district of districtsOfRegion(u.region))
				db.insert(staffDistricts).values({ userId, districtSoato: district.soato }).run();
		if (u.accounts.length === 0) continue;
		const ids = db
			.select({ id: accounts.id })
			.from(accounts)
			.where(inArray(accounts.number, [...u.accounts]))
			.all();
		for (const { id } of ids)
			db.insert(userAccounts).values({ userId, accountId: id, createdAtMs: nowMs }).run();
	}
}
