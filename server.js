// `npm run serve`: the built app (adapter-node's build/index.js, with everything it reads from
// the environment: PORT, HOST, ORIGIN, BODY_SIZE_LIMIT, graceful shutdown…), with one addition:
// the few routes the app registered to be answered straight from Node's request
// (src/lib/server/http/nodeRoutes.ts) get a request before SvelteKit does.
const { server } = await import('./build/index.js');

const table = globalThis[Symbol.for('tok.nodeRoutes')];
const http = server.server;
// polka's request listener (adapter-node serves through polka): every request that no route
// takes goes on to it.
const kit = server.attach;
if (!http.listeners('request').includes(kit))
	throw new Error("server.js: adapter-node's request listener is not where it was; see server.js");
http.removeListener('request', kit);
http.prependListener('request', (req, res) => {
	if (!table?.answer(req, res)) kit(req, res);
});
