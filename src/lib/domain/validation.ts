// How a failed zod parse becomes message keys, one rule for every edge: the server's tRPC errors,
// a refused sync command, the phone's forms and its outbox. A schema's own message is used when
// it is a message key ('error.*'), else the generic "check this field".

export interface Issue {
	readonly path: readonly PropertyKey[];
	readonly message: string;
}

export const messageKeyOf = (issue: Pick<Issue, 'message'> | undefined): string =>
	issue?.message.startsWith('error.') ? issue.message : 'error.invalid_input';

/** The first problem of all, as one key: what a refused command or a refused body says. */
export const firstMessageKey = (issues: readonly Pick<Issue, 'message'>[]): string =>
	messageKeyOf(issues[0]);

/**
 * The first message key per field. `fieldOf` names a field: by default its whole path
 * ('items.0.kwh', '_' for the input itself); forms use the top-level name.
 */
export function fieldMessageKeys(
	issues: readonly Issue[],
	fieldOf: (path: readonly PropertyKey[]) => string = (path) => path.join('.') || '_'
): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of issues) fields[fieldOf(issue.path)] ??= messageKeyOf(issue);
	return fields;
}
