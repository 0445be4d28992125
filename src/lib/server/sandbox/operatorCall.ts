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

/** `target` when it is on Tok's own origin (the sandbox sends nobody elsewhere), else Tok's home. */
export function sameOriginOr(target: string | null, origin: string, fallback: string): string {
	if (!target) return new URL(fallback, origin).toString();
	try {
		const url = new URL(target, origin);
		return url.origin === origin ? url.toString() : new URL(fallback, origin).toString();
	} catch {
		return new URL(fallback, origin).toString();
	}
}
