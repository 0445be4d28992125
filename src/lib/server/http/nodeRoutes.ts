import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Routes answered straight from Node's request, ahead of SvelteKit: `server.js` (what `npm run
 * serve` runs) asks this table about each request before handing it to adapter-node. Only for
 * an endpoint that machines call hundreds of times a second (Payme: 1,000 payments a second is
 * the goal, and SvelteKit's Request and Response cost as much CPU as the payment itself). The
 * table lives on globalThis because server.js is not part of the bundle.
 */
export type NodeRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface NodeRouteTable {
	/** Answers the request if a route takes it; false leaves it to SvelteKit. */
	answer(req: IncomingMessage, res: ServerResponse): boolean;
}

const TABLE = Symbol.for('tok.nodeRoutes');
const routes = new Map<string, NodeRoute>();

function pathOf(url: string | undefined): string {
	const end = (url ?? '').indexOf('?');
	return end === -1 ? (url ?? '') : url!.slice(0, end);
}

/**
 * Answers requests for exactly `path` (any query) with `route`, which returns false to leave a
 * request to SvelteKit (another method, say): the route's SvelteKit endpoint still answers
 * everything this one does not take.
 */
export function registerNodeRoute(path: string, route: NodeRoute): void {
	routes.set(path, route);
	(globalThis as { [TABLE]?: NodeRouteTable })[TABLE] ??= {
		answer: (req, res) => routes.get(pathOf(req.url))?.(req, res) ?? false
	};
}
