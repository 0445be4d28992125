// Type tests, checked by `npm run check` (svelte-check covers tests/): each `@ts-expect-error`
// below must meet a compile error, or the check fails ("unused directive"). They show that the
// compiler refuses a synced table that is only half-added.
import type { SyncedTableSpec } from '../../src/lib/domain/sync/tables';
import type { ChargeRow } from '../../src/lib/domain/sync/tables';
import { PULL_SOURCES, type PullSources } from '../../src/lib/server/sync/pullSources';

const { charges, ...withoutCharges } = PULL_SOURCES;

// A table of the registry without its pull source does not compile.
// @ts-expect-error Property 'charges' is missing
export const missingSource: PullSources = withoutCharges;

// A table of one account cannot be given a source that every device shares.
export const wrongScope: PullSources = {
	...withoutCharges,
	// @ts-expect-error 'shared' is not the scope of a table whose rows carry accountId
	charges: { scope: 'shared', versioned: [], rowsSince: () => [] }
};

// A pull source for a table the registry does not declare does not compile either.
export const unknownTable: PullSources = {
	...PULL_SOURCES,
	// @ts-expect-error Object literal may only specify known properties
	payments: charges
};

// A registry entry's account key must be a numeric field of its row.
export const badAccountKey: SyncedTableSpec<ChargeRow> = {
	// @ts-expect-error 'month' is not a numeric field of ChargeRow
	accountKey: 'month',
	indexes: 'id, accountId',
	sinceDexieVersion: 3
};
