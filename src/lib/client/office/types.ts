import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '$lib/server/trpc/root';

// What the office's pages get from the server, as the router says (types only: nothing of the
// server reaches the browser).
type Office = inferRouterOutputs<AppRouter>['office'];
export type QueuePage = Office['requests']['list'];
export type QueueRow = QueuePage['rows'][number];
export type RequestDetail = Office['requests']['get'];
export type InspectorListing = Office['inspectors']['list'][number];
export type Dashboard = Office['dashboard'];
