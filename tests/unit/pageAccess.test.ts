import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayOpen, PAGE_ROLES, pageRoles, ROLE_HOME } from '../../src/lib/domain/pageAccess';
import { ROLES, type Role } from '../../src/lib/domain/auth';

// Every page of the app, found by walking src/routes for +page.svelte, must have its row in
// PAGE_ROLES (or sit under a listed parent's /* row, such as /sandbox/*): a page added without saying who
// may open it fails here.
function pagePaths(dir: string, root = dir): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return pagePaths(path, root);
		if (entry.name !== '+page.svelte') return [];
		const route = relative(root, dir).split(sep).filter(Boolean);
		// Route groups "(x)" are not in the URL.
		return ['/' + route.filter((part) => !/^\(.*\)$/.test(part)).join('/')];
	});
}

const PAGES = pagePaths(join(process.cwd(), 'src/routes'));

describe('who may open which page', () => {
	it('finds the pages', () => {
		expect(PAGES).toContain('/');
		expect(PAGES).toContain('/login');
		expect(PAGES.length).toBeGreaterThan(10);
	});

	it.each(PAGES)('%s has a row', (path) => {
		expect(pageRoles(path.replace(/\[[^\]]+\]/g, 'x'))).not.toBeNull();
	});

	it('every row is a page that exists (or a parent of some)', () => {
		for (const row of Object.keys(PAGE_ROLES)) {
			const path = row.replace(/\/\*$/, '');
			expect(PAGES.some((p) => (row.endsWith('/*') ? p.startsWith(`${path}/`) : p === path))).toBe(
				true
			);
		}
	});

	it("each role's home is a page that role may open", () => {
		for (const role of ROLES) expect(mayOpen(role, ROLE_HOME[role])).toBe(true);
	});

	const residentPages = ['/accounts', '/consumption', '/readings', '/requests', '/payments'];
	it.each(ROLES.filter((r) => r !== 'resident'))(
		'%s cannot open the resident pages',
		(role: Role) => {
			for (const path of residentPages) expect(mayOpen(role, path)).toBe(false);
		}
	);

	it('nobody signed out opens a page behind sign-in; public pages open for all', () => {
		for (const path of residentPages) expect(mayOpen(null, path)).toBe(false);
		expect(mayOpen(null, '/settings')).toBe(false);
		expect(mayOpen(null, '/login')).toBe(true);
		expect(mayOpen(null, '/sandbox/payme/abc')).toBe(true);
		expect(mayOpen('resident', '/no-such-page')).toBe(false);
	});
});
