import {
	createTRPCClient,
	httpBatchLink,
	httpLink,
	httpSubscriptionLink,
	splitLink
} from '@trpc/client';
import type { AppRouter } from '$lib/server/trpc/root';
import { CREDENTIAL_PROCEDURES, MAX_BATCH_SIZE } from '$lib/domain/batching';

// Queries and mutations go batched over HTTP (at most as many as the server takes in one batch);
// a password check goes alone, since the server refuses it in a batch; subscriptions (sync.live)
// over Server-Sent Events, which every browser on our floor has and which reconnects by itself.
export const trpc = createTRPCClient<AppRouter>({
	links: [
		splitLink({
			condition: (op) => op.type === 'subscription',
			true: httpSubscriptionLink({ url: '/api/trpc' }),
			false: splitLink({
				condition: (op) => CREDENTIAL_PROCEDURES.includes(op.path),
				true: httpLink({ url: '/api/trpc' }),
				false: httpBatchLink({ url: '/api/trpc', maxURLLength: 2000, maxItems: MAX_BATCH_SIZE })
			})
		})
	]
});
