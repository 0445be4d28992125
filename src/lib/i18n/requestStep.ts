import type { RequestRow } from '../domain/sync/tables';
import { formatDate } from './format';
import { i18n, isMessageKey, t } from './index.svelte';

// A scheduled step carries the visit's date (YYYY-MM-DD) as its reason; a rejection the
// operator's words, or a message key the server chose.
const VISIT_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a step of a request's history says beside its status, in the reader's language. */
export function requestStepNote(step: RequestRow['history'][number]): string {
	const reason = step.reason ?? '';
	if (step.status === 'scheduled' && VISIT_DATE.test(reason))
		return t('request.visitOn', { date: formatDate(reason, i18n.locale) });
	return isMessageKey(reason) ? t(reason) : reason;
}
