import { describe, expect, it } from 'vitest';
import {
	emptyResultForm,
	resultPayload,
	typedKwh,
	type ResultForm
} from '../../../src/lib/domain/inspection/resultForm';
import { COMMANDS } from '../../../src/lib/domain/sync/commands';
import { anId } from '../sync/builders';

const schema = COMMANDS['inspection.record'];
const ids = () => ({ resultId: anId(), recordedAtMs: 1_760_000_500_000 });
const order = (kind: 'sealing' | 'meter_check' | 'meter_replacement' | 'disconnection') => ({
	id: anId(),
	kind
});

function errorsOf(form: ResultForm, kind: Parameters<typeof order>[0]) {
	const parsed = schema.safeParse(resultPayload(form, order(kind), ids()));
	return parsed.success
		? {}
		: Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
}

describe('the visit form as the command it saves', () => {
	it('a sealing: the removed seal prefilled from the meter, the new one typed, reading with a comma', () => {
		const form = { ...emptyResultForm('pl-0001'), newSeal: ' pl 0002 ', readingKwh: '12 345,6' };
		const parsed = schema.parse(resultPayload(form, order('sealing'), ids()));
		expect(parsed).toMatchObject({
			kind: 'sealing',
			removedSeal: 'PL-0001',
			newSeal: 'PL0002',
			readingKwh: '12345.6',
			checklist: null,
			verdict: null,
			newMeterSerial: null
		});
	});

	it('a sealing without a new seal, or with the removed one again, says so beside the field', () => {
		expect(errorsOf(emptyResultForm('PL-0001'), 'sealing')).toEqual({
			newSeal: 'error.seal_required'
		});
		expect(errorsOf({ ...emptyResultForm('PL-0001'), newSeal: 'pl-0001' }, 'sealing')).toEqual({
			newSeal: 'error.seal_same'
		});
	});

	it('a meter check needs every checklist item answered and a verdict', () => {
		const half = emptyResultForm(null);
		half.readingKwh = '100';
		half.checklist.sealIntact = true;
		expect(errorsOf(half, 'meter_check')).toEqual({
			checklist: 'error.checklist_required',
			verdict: 'error.verdict_required'
		});
		const done = {
			...half,
			checklist: { sealIntact: true, casingIntact: true, noBypass: false, displayWorks: true },
			verdict: 'tampering' as const
		};
		expect(schema.parse(resultPayload(done, order('meter_check'), ids()))).toMatchObject({
			checklist: { noBypass: false },
			verdict: 'tampering',
			newSeal: null,
			removedSeal: null
		});
	});

	it('a replacement needs the final reading, the new serial, its initial reading and seal', () => {
		expect(errorsOf(emptyResultForm('PL-0001'), 'meter_replacement')).toEqual({
			readingKwh: 'error.kwh_format',
			newMeterSerial: 'error.meter_serial_format',
			newMeterInitialKwh: 'error.kwh_format',
			newSeal: 'error.seal_required'
		});
	});

	it('only the parts of the kind are sent: a disconnection carries no seal typed by mistake', () => {
		const form = { ...emptyResultForm('PL-0001'), readingKwh: '7.25', newSeal: 'PL-9999' };
		expect(schema.parse(resultPayload(form, order('disconnection'), ids()))).toMatchObject({
			readingKwh: '7.25',
			newSeal: null,
			removedSeal: null
		});
	});

	it('a bad reading is refused, not rounded', () => {
		expect(typedKwh('12.3456')).toBe('12.3456');
		expect(errorsOf({ ...emptyResultForm(null), readingKwh: '12.3456' }, 'disconnection')).toEqual({
			readingKwh: 'error.kwh_format'
		});
		expect(typedKwh('  ')).toBeNull();
	});

	it('photos go by hash, size and type; position, notes and the resident’s name as given', () => {
		const form = {
			...emptyResultForm(null),
			readingKwh: '5',
			photos: [{ sha256: 'a'.repeat(64), sizeBytes: 1234, type: 'image/jpeg' }],
			position: { lat: 41.3, lon: 69.24, accuracyM: 12 },
			notes: ' Meter behind a locked gate ',
			confirmedBy: 'Karimova D.'
		};
		expect(schema.parse(resultPayload(form, order('disconnection'), ids()))).toMatchObject({
			photos: [{ sha256: 'a'.repeat(64), sizeBytes: 1234, type: 'image/jpeg' }],
			position: { lat: 41.3, lon: 69.24, accuracyM: 12 },
			notes: 'Meter behind a locked gate',
			confirmedBy: 'Karimova D.'
		});
	});
});
