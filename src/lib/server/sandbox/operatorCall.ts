/**
 * The sandbox pages' way of playing an operator: a real HTTP request from the server to Tok's
 * own endpoint (not an in-process call), so that the endpoint sees what the operator would send.
 */
export async function postToTok(
	url: string,
	body: string,
	contentType: string
): Promise<Record<string, unknown> | null> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': contentType },
			body,
			signal: AbortSignal.timeout(10_000)
		});
		const answer: unknown = await response.json();
		return typeof answer === 'object' && answer !== null
			? (answer as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

/**
 * Where this server answers itself. Behind `npm run serve` without ORIGIN, adapter-node takes every
 * request for https (its default protocol), so the request's own origin may not be reachable
 * from here; the port the server listens on always is.
 */
export function selfOrigin(url: URL): string {
	return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : url.origin;
}

/**
 * `target` when it is on Tok's own host (the sandbox sends nobody elsewhere), else `fallback`
 * (a path on Tok). Hosts, not origins: see `selfOrigin` for why the protocol may differ.
 */
export function returnPath(target: string | null, url: URL, fallback: string): string {
	if (!target) return fallback;
	try {
		const back = new URL(target, url);
		return back.host === url.host ? `${back.pathname}${back.search}${back.hash}` : fallback;
	} catch {
		return fallback;
	}
}
