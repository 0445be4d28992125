import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { listAudit, recordAudit } from '../../src/lib/server/services/audit';
import { maskPhone, maskPinfl } from '../../src/lib/domain/masking';
import { seededDb, tempDb } from './helpers/testDb';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
	({ db, cleanup } = tempDb());
});
afterAll(() => cleanup());

describe('the audit log', () => {
	it('keeps what was appended, newest first, and pages by id', () => {
		recordAudit(db, { event: 'sign_in', userId: 7, subject: 'demo', address: '10.0.0.1', atMs: 1 });
		recordAudit(db, { event: 'sign_in_failed', subject: 'nobody', address: '10.0.0.2', atMs: 2 });
		recordAudit(db, {
			event: 'sms_sent',
			subject: maskPhone('+998901234567'),
			atMs: 3,
			detail: { segments: 1 }
		});
		const all = listAudit(db, { limit: 10 });
		expect(all.map((r) => r.event)).toEqual(['sms_sent', 'sign_in_failed', 'sign_in']);
		expect(all[0]).toMatchObject({
			subject: '+99890***4567',
			detail: { segments: 1 },
			userId: null
		});
		expect(listAudit(db, { limit: 10, beforeId: all[1].id }).map((r) => r.event)).toEqual([
			'sign_in'
		]);
		expect(listAudit(db, { limit: 10, userId: 7 })).toHaveLength(1);
		expect(listAudit(db, { limit: 10, event: 'sign_in_failed' })[0].subject).toBe('nobody');
	});

	it('refuses to change or remove a row, even by hand in SQL', () => {
		expect(() => db.$client.prepare("update audit_log set subject = 'x'").run()).toThrow(
			/append-only/
		);
		expect(() => db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/);
		expect(listAudit(db, { limit: 10 }).length).toBeGreaterThan(0);
	});
});

describe('masking', () => {
	it('keeps enough of a phone or PINFL to tell two apart, not to use', () => {
		expect(maskPhone('+998901234567')).toBe('+99890***4567');
		expect(maskPhone('12')).toBe('***');
		expect(maskPinfl('31234567890122')).toBe('3************2');
		expect(maskPinfl('31234567890122')).not.toContain('1234567890');
	});
});

describe('the audit log as the office reads it', () => {
	it('names the user by login beside their id; a row without a user has neither', async () => {
		const seeded = await seededDb(1);
		try {
			const operator = seeded.db.$client
				.prepare("select id from users where login = 'operator'")
				.get() as { id: number };
			recordAudit(seeded.db, {
				event: 'sign_in',
				userId: operator.id,
				subject: 'operator',
				address: '10.0.0.9',
				atMs: 5
			});
			recordAudit(seeded.db, {
				event: 'sign_in_failed',
				subject: 'nobody',
				address: '10.0.0.9',
				atMs: 6
			});
			const [failed, signedIn] = listAudit(seeded.db, { limit: 2 });
			expect(signedIn).toMatchObject({ userId: operator.id, userLogin: 'operator' });
			expect(failed).toMatchObject({ userId: null, userLogin: null, subject: 'nobody' });
		} finally {
			seeded.cleanup();
		}
	});
});
