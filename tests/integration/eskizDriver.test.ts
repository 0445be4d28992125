import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { tempDb } from './helpers/testDb';
import { FakeEskiz } from './helpers/eskizServer';
import { EskizSmsDriver } from '../../src/lib/server/sms/eskizDriver';
import { SmsSendError } from '../../src/lib/server/sms/driver';
import {
	drainSmsOutbox,
	enqueueSms,
	listSms,
	SMS_RETRY_FIRST_MS
} from '../../src/lib/server/sms/outbox';
import { smsDriverFromEnv } from '../../src/lib/server/sms/driverFromEnv';
import { listAudit } from '../../src/lib/server/services/audit';

// The Eskiz driver against a local server that speaks Eskiz's API: what it sends, how it renews
// the token, and how the queue carries a message over an outage.

let db: Db;
let cleanup: () => void;
let eskiz: FakeEskiz;
beforeAll(() => {
	({ db, cleanup } = tempDb());
});
afterAll(() => cleanup());
afterEach(async () => {
	await eskiz?.stop();
});

const driverFor = (server: FakeEskiz) =>
	new EskizSmsDriver({
		baseUrl: server.baseUrl,
		email: server.email,
		password: server.password,
		from: '4546',
		timeoutMs: 2000
	});
const route = (server: FakeEskiz) => server.calls.map((c) => `${c.method} ${c.path}`);

describe('the Eskiz driver', () => {
	it('logs in once, then sends the number without "+", the text and the sender with the Bearer token', async () => {
		eskiz = await new FakeEskiz().start();
		const driver = driverFor(eskiz);
		const text = 'Login: demo\nParol: abc\nЛогин: demo';
		const first = await driver.send('+998901234567', text);
		await driver.send('+998907654321', 'second');
		expect(route(eskiz)).toEqual([
			'POST /api/auth/login',
			'POST /api/message/sms/send',
			'POST /api/message/sms/send'
		]);
		expect(eskiz.calls[0].form).toEqual({ email: 'het@example.uz', password: 'eskiz-secret' });
		const token = [...eskiz.validTokens][0];
		expect(eskiz.calls[1].authorization).toBe(`Bearer ${token}`);
		expect(eskiz.calls[1].form).toEqual({
			mobile_phone: '998901234567',
			message: text,
			from: '4546'
		});
		expect(first.gatewayId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('an expired token is refreshed (PATCH /api/auth/refresh) and the message sent once', async () => {
		eskiz = await new FakeEskiz().start();
		const driver = driverFor(eskiz);
		await driver.send('+998901234567', 'one');
		eskiz.expireTokens();
		await driver.send('+998901234567', 'two');
		expect(route(eskiz).slice(2)).toEqual([
			'POST /api/message/sms/send',
			'PATCH /api/auth/refresh',
			'POST /api/message/sms/send'
		]);
		expect(eskiz.accepted.map((m) => m.message)).toEqual(['one', 'two']);
		const refreshed = eskiz.calls[4].authorization;
		expect(refreshed).not.toBe(eskiz.calls[1].authorization);
		expect(eskiz.validTokens.has(refreshed!.slice('Bearer '.length))).toBe(true);
	});

	it('when Eskiz refuses the refresh it logs in again', async () => {
		eskiz = await new FakeEskiz().start();
		const driver = driverFor(eskiz);
		await driver.send('+998901234567', 'one');
		eskiz.expireTokens();
		eskiz.refuseRefresh = true;
		await driver.send('+998901234567', 'two');
		expect(route(eskiz).slice(2)).toEqual([
			'POST /api/message/sms/send',
			'PATCH /api/auth/refresh',
			'POST /api/auth/login',
			'POST /api/message/sms/send'
		]);
		expect(eskiz.accepted).toHaveLength(2);
	});

	it('wrong credentials, a refused number and an outage are errors, retryable or not as they are', async () => {
		eskiz = await new FakeEskiz().start();
		const wrong = new EskizSmsDriver({ ...driverFor(eskiz)['options'], password: 'nope' });
		await expect(wrong.send('+998901234567', 'x')).rejects.toMatchObject({ retryable: true });
		const driver = driverFor(eskiz);
		const refused = await driver.send('+1234', 'x').catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(SmsSendError);
		expect(refused).toMatchObject({ retryable: false });
		eskiz.down = true;
		await expect(driver.send('+998901234567', 'x')).rejects.toMatchObject({ retryable: true });
		expect(eskiz.accepted).toHaveLength(0);
	});
});

describe('the queue over an outage', () => {
	it('Eskiz answering 503 keeps the message, retries it after the backoff and delivers it once', async () => {
		eskiz = await new FakeEskiz().start();
		const driver = driverFor(eskiz);
		const t0 = Date.parse('2026-11-01T09:00:00Z');
		eskiz.down = true;
		const id = enqueueSms(
			db,
			{ toPhone: '+998901234567', kind: 'help', text: 'help text', logText: 'help text' },
			t0
		);
		expect(await drainSmsOutbox(db, driver, () => t0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
		let row = listSms(db, { limit: 10 }).find((r) => r.id === id)!;
		expect(row).toMatchObject({ status: 'queued', attempts: 1 });
		expect(row.lastError).toMatch(/503/);
		eskiz.down = false;
		// Not before its time: the backoff holds.
		expect(await drainSmsOutbox(db, driver, () => t0 + SMS_RETRY_FIRST_MS - 1)).toEqual({
			sent: 0,
			retrying: 0,
			failed: 0
		});
		expect(await drainSmsOutbox(db, driver, () => t0 + SMS_RETRY_FIRST_MS)).toEqual({
			sent: 1,
			retrying: 0,
			failed: 0
		});
		await drainSmsOutbox(db, driver, () => t0 + 10 * SMS_RETRY_FIRST_MS);
		expect(eskiz.accepted).toEqual([
			{ mobile_phone: '998901234567', message: 'help text', from: '4546' }
		]);
		row = listSms(db, { limit: 10 }).find((r) => r.id === id)!;
		expect(row).toMatchObject({ status: 'sent', attempts: 2, toMasked: '+99890***4567' });
		expect(listAudit(db, { limit: 5, event: 'sms_sent' })[0].detail).toMatchObject({ smsId: id });
	});

	it('Eskiz not listening at all (connection refused) is retried the same way, then delivered once', async () => {
		eskiz = await new FakeEskiz().start();
		const port = eskiz.port;
		const driver = driverFor(eskiz);
		await eskiz.stop();
		const t0 = Date.parse('2026-11-02T09:00:00Z');
		const id = enqueueSms(
			db,
			{
				toPhone: '+998907654321',
				kind: 'help',
				text: 'after the outage',
				logText: 'after the outage'
			},
			t0
		);
		expect((await drainSmsOutbox(db, driver, () => t0)).retrying).toBe(1);
		expect(listSms(db, { limit: 10 }).find((r) => r.id === id)!.lastError).toMatch(/unreachable/);
		// A second failure waits twice as long.
		expect((await drainSmsOutbox(db, driver, () => t0 + SMS_RETRY_FIRST_MS)).retrying).toBe(1);
		eskiz = await new FakeEskiz().start(port);
		expect((await drainSmsOutbox(db, driver, () => t0 + 2 * SMS_RETRY_FIRST_MS)).sent).toBe(0);
		expect((await drainSmsOutbox(db, driver, () => t0 + 3 * SMS_RETRY_FIRST_MS)).sent).toBe(1);
		await drainSmsOutbox(db, driver, () => t0 + 100 * SMS_RETRY_FIRST_MS);
		expect(eskiz.accepted.map((m) => m.message)).toEqual(['after the outage']);
	});

	it('a message Eskiz refuses for good is logged as failed, not retried', async () => {
		eskiz = await new FakeEskiz().start();
		const t0 = Date.parse('2026-11-03T09:00:00Z');
		const id = enqueueSms(db, { toPhone: '+4412', kind: 'help', text: 'x', logText: 'x' }, t0);
		expect(await drainSmsOutbox(db, driverFor(eskiz), () => t0)).toMatchObject({ failed: 1 });
		expect(listSms(db, { limit: 10 }).find((r) => r.id === id)!.status).toBe('failed');
		expect(listAudit(db, { limit: 1, event: 'sms_failed' })[0].detail).toMatchObject({ smsId: id });
	});
});

describe('choosing the driver', () => {
	it('says what to set when SMS_DRIVER or the Eskiz settings are missing, and builds each driver', () => {
		const saved = { ...process.env };
		try {
			delete process.env.TOK_DEMO;
			delete process.env.SMS_DRIVER;
			expect(() => smsDriverFromEnv()).toThrow(/SMS_DRIVER is not set/);
			process.env.SMS_DRIVER = 'eskz';
			expect(() => smsDriverFromEnv()).toThrow(/not a driver/);
			process.env.SMS_DRIVER = 'eskiz';
			expect(() => smsDriverFromEnv({})).toThrow(/ESKIZ_EMAIL and ESKIZ_PASSWORD/);
			expect(smsDriverFromEnv({ ESKIZ_EMAIL: 'a', ESKIZ_PASSWORD: 'b' }).name).toBe('eskiz');
			process.env.SMS_DRIVER = 'file';
			expect(smsDriverFromEnv().name).toBe('file');
			delete process.env.SMS_DRIVER;
			process.env.TOK_DEMO = '1';
			expect(smsDriverFromEnv().name).toBe('file');
		} finally {
			process.env = saved;
		}
	});
});
