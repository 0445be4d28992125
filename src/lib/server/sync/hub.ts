import { LiveHub } from './live';

/**
 * The server process's one hub: the tRPC route's live subscriptions listen here, and every
 * writer that runs outside tRPC (readings ingestion, billing) pokes here after committing.
 * Tests make their own LiveHub instead.
 */
export const serverLiveHub = new LiveHub();
