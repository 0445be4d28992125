import type { z } from 'zod';
import type { COMMANDS } from '../sync/commands';
import type { CheckVerdict, ChecklistItem, PhotoType, WorkKind } from './workOrders';
import { CHECKLIST_ITEMS } from './workOrders';

export type RecordPayloadInput = z.input<(typeof COMMANDS)['inspection.record']>;

/** Which parts of the form each kind of visit shows (and sends); the others go as null. */
export const FORM_PARTS: Record<
	WorkKind,
	{
		reading: boolean;
		removedSeal: boolean;
		newSeal: boolean;
		checklist: boolean;
		newMeter: boolean;
	}
> = {
	sealing: { reading: true, removedSeal: true, newSeal: true, checklist: false, newMeter: false },
	meter_check: {
		reading: true,
		removedSeal: false,
		newSeal: false,
		checklist: true,
		newMeter: false
	},
	meter_replacement: {
		reading: true,
		removedSeal: false,
		newSeal: true,
		checklist: false,
		newMeter: true
	},
	disconnection: {
		reading: true,
		removedSeal: false,
		newSeal: false,
		checklist: false,
		newMeter: false
	}
};

/** The form as typed: text fields as text, a checklist item unanswered as null. */
export interface ResultForm {
	readingKwh: string;
	removedSeal: string;
	newSeal: string;
	checklist: Record<ChecklistItem, boolean | null>;
	verdict: CheckVerdict | '';
	newMeterSerial: string;
	newMeterInitialKwh: string;
	photos: Array<{ sha256: string; sizeBytes: number; type: string }>;
	position: { lat: number; lon: number; accuracyM: number } | null;
	notes: string;
	confirmedBy: string;
}

export function emptyResultForm(currentSeal: string | null): ResultForm {
	return {
		readingKwh: '',
		removedSeal: currentSeal ?? '',
		newSeal: '',
		checklist: Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, null])) as Record<
			ChecklistItem,
			boolean | null
		>,
		verdict: '',
		newMeterSerial: '',
		newMeterInitialKwh: '',
		photos: [],
		position: null,
		notes: '',
		confirmedBy: ''
	};
}

const textOrNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** A reading as typed on a phone: spaces dropped, a decimal comma (ru, uz keyboards) as a point. */
export const typedKwh = (text: string): string | null =>
	textOrNull(text.replace(/\s+/g, '').replace(',', '.'));

/**
 * The command's payload from the form, for the command's own schema to check: only the parts the
 * order's kind shows are sent; an empty field is absent (null), so the schema names what is missing.
 */
export function resultPayload(
	form: ResultForm,
	order: { id: string; kind: WorkKind },
	ids: { resultId: string; recordedAtMs: number }
): RecordPayloadInput {
	const parts = FORM_PARTS[order.kind];
	const answered = CHECKLIST_ITEMS.every((item) => form.checklist[item] !== null);
	return {
		resultId: ids.resultId,
		workOrderId: order.id,
		kind: order.kind,
		recordedAtMs: ids.recordedAtMs,
		readingKwh: parts.reading ? typedKwh(form.readingKwh) : null,
		removedSeal: parts.removedSeal ? textOrNull(form.removedSeal) : null,
		newSeal: parts.newSeal ? textOrNull(form.newSeal) : null,
		checklist:
			parts.checklist && answered ? (form.checklist as Record<ChecklistItem, boolean>) : null,
		verdict: parts.checklist && form.verdict !== '' ? form.verdict : null,
		newMeterSerial: parts.newMeter ? textOrNull(form.newMeterSerial) : null,
		newMeterInitialKwh: parts.newMeter ? typedKwh(form.newMeterInitialKwh) : null,
		photos: form.photos.map(({ sha256, sizeBytes, type }) => ({
			sha256,
			sizeBytes,
			type: type as PhotoType
		})),
		position: form.position,
		notes: form.notes,
		confirmedBy: form.confirmedBy
	};
}
