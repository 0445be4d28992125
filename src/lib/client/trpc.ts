import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from '$lib/server/trpc/root';

// Queries and mutations go batched over HTTP; subscriptions (sync.live) over Server-Sent Events,
// which every browser on our floor has and which reconnects by itself after a short drop.
export const trpc = createTRPCClient<AppRouter>({
	links: [
		splitLink({
			condition: (op) => op.type === 'subscription',
			true: httpSubscriptionLink({ url: '/api/trpc' }),
			false: httpBatchLink({ url: '/api/trpc', maxURLLength: 2000 })
		})
	]
});
