import { ROLES, type Role } from './roles';

/**
 * Who may open each page, as one table: every page under src/routes has its row (a test walks
 * the routes), so a new page cannot ship without saying who it is for. 'public': no sign-in.
 * The server refuses the same people every procedure behind a page; this table decides what the
 * browser shows, and sends anyone else to their own home.
 */
const RESIDENT: readonly Role[] = ['resident'];
const SIGNED_IN: readonly Role[] = ROLES;
const INSPECTOR: readonly Role[] = ['inspector'];
// The back office: operators (their districts) and admins (all); the server scopes the data.
const OFFICE: readonly Role[] = ['operator', 'admin'];

export const PAGE_ROLES = {
	'/': SIGNED_IN,
	'/login': 'public',
	'/login/forgot': 'public',
	'/help': 'public',
	'/shell': 'public',
	'/settings': SIGNED_IN,
	'/accounts': RESIDENT,
	'/accounts/add': RESIDENT,
	'/accounts/oneid': RESIDENT,
	'/consumption': RESIDENT,
	'/readings': RESIDENT,
	'/requests': RESIDENT,
	'/payments': RESIDENT,
	// The inspector's day (work orders from their phone's database) and one order's visit form.
	'/inspector': INSPECTOR,
	'/inspector/*': INSPECTOR,
	'/office': OFFICE,
	'/office/*': OFFICE,
	'/office/tariffs': OFFICE,
	'/office/import': OFFICE,
	'/office/audit': OFFICE,
	'/office/sms': OFFICE,
	'/office/review': OFFICE,
	// The operators' stand-ins, mounted only in the demo: the operators' pages, not Tok's.
	'/sandbox/*': 'public'
} as const satisfies Record<string, readonly Role[] | 'public'>;

export type PagePath = keyof typeof PAGE_ROLES;

/** Where each role lands after sign-in, and where a page it may not open sends it. */
export const ROLE_HOME: Record<Role, string> = {
	resident: '/',
	inspector: '/inspector',
	operator: '/office',
	admin: '/office'
};

const ROWS: Record<string, readonly Role[] | 'public'> = PAGE_ROLES;

/** The row of a path: its own, or a listed parent's `/*` row (/sandbox/payme/… → /sandbox/*). */
export function pageRoles(path: string): readonly Role[] | 'public' | null {
	const exact = path.replace(/\/+$/, '') || '/';
	if (exact in ROWS) return ROWS[exact];
	for (let p = exact; p.lastIndexOf('/') > 0;) {
		p = p.slice(0, p.lastIndexOf('/'));
		if (`${p}/*` in ROWS) return ROWS[`${p}/*`];
	}
	return null;
}

export function mayOpen(role: Role | null, path: string): boolean {
	const roles = pageRoles(path);
	if (roles === 'public') return true;
	return role !== null && roles !== null && roles.includes(role);
}
