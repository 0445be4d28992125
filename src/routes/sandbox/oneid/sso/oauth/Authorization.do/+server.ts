import type { RequestHandler } from './$types';
import { demoOneIdStandIn } from '$lib/server/auth/oneid/demoStandIn';

// The local OneID stand-in at OneID's own path, for `npm start` (hooks.server.ts answers 404
// under /sandbox otherwise). `npm start` sets ONEID_BASE_URL to …/sandbox/oneid.
export const GET: RequestHandler = ({ request }) => demoOneIdStandIn().handle(request);
export const POST: RequestHandler = ({ request }) => demoOneIdStandIn().handle(request);
