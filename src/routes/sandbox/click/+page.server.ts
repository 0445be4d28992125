import type { PageServerLoad } from './$types';
import { parseClickLink } from '$lib/server/sandbox/clickSandbox';

// Click's payment page, played locally (npm start only: hooks.server.ts hides /sandbox
// otherwise). The link is Click's real one; the buttons ask ./play to make Click's calls.
export const load: PageServerLoad = ({ url }) => ({ link: parseClickLink(url.searchParams) });
