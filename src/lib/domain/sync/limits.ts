// The sync protocol's version and size limits, apart from protocol.ts so that both the zod schemas
// (schemas.ts) and the protocol's types can use them without importing each other.

/**
 * Bump SYNC_PROTOCOL when the shapes in protocol.ts change incompatibly; the server refuses
 * clients older than MIN_CLIENT_PROTOCOL with 'error.update_required', and such a client keeps
 * its outbox until it has updated.
 */
export const SYNC_PROTOCOL = 1;
export const MIN_CLIENT_PROTOCOL = 1;
export const PUSH_BATCH_MAX = 500;
export const PULL_LIMIT_MAX = 2000;
