/**
 * Tok itself, as this server process listens: the stand-ins call Tok's real endpoints over HTTP
 * here, since the origin the browser used may not be reachable from the server (a proxy, TLS
 * in front, adapter-node assuming https without ORIGIN).
 */
export function ownBaseUrl(): string {
	const host = process.env.HOST;
	const local = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
	return `http://${local.includes(':') ? `[${local}]` : local}:${process.env.PORT ?? '3000'}`;
}
