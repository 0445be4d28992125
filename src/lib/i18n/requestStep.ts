import { formatDate } from './format';
import { i18n, isMessageKey, t } from './index.svelte';

// A scheduled step carries the visit's date (YYYY-MM-DD) as its reason; a rejection the
// operator's words, or a message key the server chose.
const VISIT_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Step = { status: string; reason: string | null };

/** "The visit: 3 Dec 2026" for a scheduled step that carries its date, else null. */
export function visitDateNote(step: Step): string | null {
	const reason = step.reason ?? '';
	if (step.status !== 'scheduled' || !VISIT_DATE.test(reason)) return null;
	return t('request.visitOn', { date: formatDate(reason, i18n.locale) });
}

/** What a step of a request's history says beside its status, in the reader's language. */
export function requestStepNote(step: Step): string {
	const reason = step.reason ?? '';
	return visitDateNote(step) ?? (isMessageKey(reason) ? t(reason) : reason);
}
