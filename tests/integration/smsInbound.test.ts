import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../src/lib/server/db';
import { callerAs, seededDb } from './helpers/testDb';
import { credentialsIn, deliverQueued, outbox, postInbound, SMS_SECRET } from './helpers/sms';
import { signIn } from '../../src/lib/server/services/auth';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { listAudit } from '../../src/lib/server/services/audit';
import { listSms } from '../../src/lib/server/sms/outbox';
import { smsSize } from '../../src/lib/domain/sms/segments';
import { answerInboundSms } from '../../src/lib/server/services/inboundSms';
import { NOT_REGISTERED_REPLY, HELP_REPLY } from '../../src/lib/domain/sms/replies';
import { InvalidCredentialsError } from '../../src/lib/server/services/auth';

// "P" to 2100 through the real route handler and the real queue, delivered by the file driver
// into $DATA_DIR/sms-outbox.jsonl as the demo does.

let db: Db;
let dir: string;
let cleanup: () => void;
let nextId = 0;
const messageId = () => `gw-${++nextId}`;
const DEMO_PHONE = '+998901234567';

beforeAll(async () => {
	({ db, dir, cleanup } = await seededDb(5));
	process.env.DATA_DIR = dir;
});
afterAll(() => cleanup());
beforeEach(() => {
	process.env.SMS_INBOUND_SECRET = SMS_SECRET;
});

const outboxTo = (phone: string) => outbox(dir).filter((m) => m.to === phone);

describe('"P" from a registered phone', () => {
	it('answers the demo phone with a login and a new password covering 1726001001 and 1726001002', async () => {
		const before = validateSessionToken(db, createSession(db, 1, Date.now()).token, Date.now());
		expect(before?.user.login).toBe('demo');
		const other = createSession(db, before!.user.id, Date.now());

		const answer = await postInbound({
			from: DEMO_PHONE,
			to: '2100',
			text: ' p ',
			id: messageId()
		});
		expect(answer).toEqual({ status: 200, body: { ok: true, outcome: 'credentials' } });
		await deliverQueued(db, dir);

		const [reply] = outboxTo(DEMO_PHONE);
		expect(reply.text).toMatch(/^Login: demo$/m);
		expect(reply.text).toMatch(/^Логин: demo$/m);
		expect(reply.text).toMatch(/^Parol: [a-z2-9]{10}$/m);
		expect(reply.text).toMatch(/^Пароль: [a-z2-9]{10}$/m);
		expect(reply.text).toContain('1726001001');
		expect(reply.text).toContain('1726001002');
		// Nothing but that owner's: not demo2's account, no holder name or address.
		expect(reply.text).not.toContain('1726001003');
		expect(reply.text.split('\n')).toHaveLength(5);
		expect(smsSize(reply.text).segments).toBeLessThanOrEqual(2);
		expect(Date.parse(reply.at)).not.toBeNaN();

		const { login, password } = credentialsIn(reply.text);
		const signedIn = await signIn(db, { login, password }, Date.now(), '203.0.113.9');
		expect(signedIn.user.login).toBe('demo');
		await expect(
			signIn(db, { login: 'demo', password: 'demo12345' }, Date.now(), '203.0.113.9')
		).rejects.toBeInstanceOf(InvalidCredentialsError);
		// The sessions from before the new password are gone; the new sign-in's is not.
		expect(validateSessionToken(db, other.token, Date.now())).toBeNull();
		expect(validateSessionToken(db, signedIn.token, Date.now())).not.toBeNull();
	});

	it('a redelivered message id sends nothing and changes no password', async () => {
		const id = messageId();
		const phone = '+998907654321';
		expect((await postInbound({ from: phone, to: '2100', text: 'P', id })).body.outcome).toBe(
			'credentials'
		);
		await deliverQueued(db, dir);
		const first = credentialsIn(outboxTo(phone).at(-1)!.text);
		const count = outbox(dir).length;
		for (const again of [id, id]) {
			const answer = await postInbound({ from: phone, to: '2100', text: 'P', id: again });
			expect(answer).toEqual({ status: 200, body: { ok: true, outcome: 'duplicate' } });
		}
		// Also in parallel, as a gateway retrying on a timeout does.
		const parallelId = messageId();
		const parallel = await Promise.all(
			[1, 2, 3].map(() =>
				postInbound({ from: '+998911111111', to: '2100', text: 'x', id: parallelId })
			)
		);
		expect(parallel.filter((a) => a.body.outcome === 'duplicate')).toHaveLength(2);
		await deliverQueued(db, dir);
		expect(outbox(dir)).toHaveLength(count + 1);
		expect((await signIn(db, first, Date.now(), '203.0.113.9')).user.login).toBe('demo2');
	});

	it('an owner with no user yet gets one, with the accounts of that phone linked and no others', async () => {
		const account = db.$client
			.prepare("select number, phone from accounts where number not like '172600100%' limit 1")
			.get() as { number: string; phone: string };
		const phoneAccounts = (
			db.$client
				.prepare('select number from accounts where phone = ? order by number')
				.all(account.phone) as Array<{
				number: string;
			}>
		).map((r) => r.number);
		expect(
			(await postInbound({ from: account.phone.slice(1), to: '2100', text: 'P', id: messageId() }))
				.body.outcome
		).toBe('credentials');
		await deliverQueued(db, dir);
		const reply = outboxTo(account.phone).at(-1)!;
		const { login, password } = credentialsIn(reply.text);
		expect(login).toBe(phoneAccounts[0]);
		const { user } = await signIn(db, { login, password }, Date.now(), '203.0.113.9');
		const linked = (
			db.$client
				.prepare(
					'select a.number from user_accounts ua join accounts a on a.id = ua.account_id where ua.user_id = ? order by a.number'
				)
				.all(user.id) as Array<{ number: string }>
		).map((r) => r.number);
		expect(linked).toEqual(phoneAccounts);
		for (const number of phoneAccounts) expect(reply.text).toContain(number);
	});
});

describe('other messages', () => {
	it('an unknown phone is told once that it is not registered, with the hotline', async () => {
		const phone = '+998935550000';
		for (const text of ['P', 'P', 'salom'])
			await postInbound({ from: phone, to: '2100', text, id: messageId() });
		await deliverQueued(db, dir);
		const replies = outboxTo(phone);
		expect(replies).toHaveLength(1);
		expect(replies[0].text).toBe(NOT_REGISTERED_REPLY);
		expect(replies[0].text).toContain('1154');
		expect(smsSize(replies[0].text).segments).toBeLessThanOrEqual(2);
	});

	it('any other text from a registered phone gets the short help', async () => {
		const phone = '+998907654321';
		const answer = await postInbound({
			from: phone,
			to: '2100',
			text: 'parol kerak',
			id: messageId()
		});
		expect(answer.body.outcome).toBe('help');
		await deliverQueued(db, dir);
		expect(outboxTo(phone).at(-1)!.text).toBe(HELP_REPLY);
	});
});

describe('who may post, and what', () => {
	const good = () => ({ from: '+998935550001', to: '2100', text: 'P', id: messageId() });

	it('a missing or wrong X-Sms-Secret is 401, and nothing is answered', async () => {
		const before = listSms(db, { limit: 1 })[0]?.id;
		expect((await postInbound(good(), { secret: null })).status).toBe(401);
		expect((await postInbound(good(), { secret: 'wrong' })).status).toBe(401);
		expect((await postInbound(good(), { secret: `${SMS_SECRET}x` })).status).toBe(401);
		expect((await postInbound(good(), { secret: '' })).status).toBe(401);
		expect(listSms(db, { limit: 1 })[0]?.id).toBe(before);
	});

	it('no SMS_INBOUND_SECRET configured: 503, whatever the header', async () => {
		delete process.env.SMS_INBOUND_SECRET;
		expect((await postInbound(good())).status).toBe(503);
		expect((await postInbound(good(), { secret: null })).status).toBe(503);
	});

	it('junk bodies are 400 (too large 413, not JSON 415), never 500', async () => {
		const junk: unknown[] = [
			'not json',
			'',
			'[]',
			'null',
			'{"from":"+998901234567"}',
			JSON.stringify({ from: 'nobody', to: '2100', text: 'P', id: '1' }),
			JSON.stringify({ from: '+998901234567', to: '2100', text: 'P', id: '' }),
			JSON.stringify({ from: '+998901234567', to: '2100', text: 7, id: 'a' }),
			JSON.stringify({ from: ['+998901234567'], to: '2100', text: 'P', id: 'a' }),
			JSON.stringify({ from: '+998901234567', to: '2100', text: 'P', id: { $gt: '' } }),
			JSON.stringify({ from: '+998901234567', to: '2100', text: 'x'.repeat(5000), id: 'a' })
		];
		for (const body of junk) expect((await postInbound(body, { raw: true })).status).toBe(400);
		const huge = JSON.stringify({ ...good(), text: 'P'.padEnd(100_000, ' ') });
		expect((await postInbound(huge, { raw: true })).status).toBe(413);
		expect(
			(await postInbound(JSON.stringify(good()), { raw: true, type: 'text/plain' })).status
		).toBe(415);
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), async (value) => {
				const { status } = await postInbound(value);
				expect([200, 400]).toContain(status);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('limits', () => {
	it('no more than 3 SMS to one phone an hour: past that nothing is answered, then again after the hour', async () => {
		const account = db.$client
			.prepare(
				"select phone from accounts where number not like '172600100%' order by number desc limit 1"
			)
			.get() as { phone: string };
		const t0 = Date.now() + 10 * 24 * 3600_000;
		const outcomes = [];
		for (let i = 0; i < 5; i++)
			outcomes.push(
				await answerInboundSms(
					db,
					{ from: account.phone, to: '2100', text: 'P', id: messageId() },
					t0 + i * 1000
				)
			);
		expect(outcomes).toEqual([
			'credentials',
			'credentials',
			'credentials',
			'rate_limited',
			'rate_limited'
		]);
		expect(
			listAudit(db, { limit: 5, event: 'rate_limited' }).filter((r) =>
				r.subject.endsWith(account.phone.slice(-4))
			)
		).toHaveLength(2);
		expect(
			await answerInboundSms(
				db,
				{ from: account.phone, to: '2100', text: 'P', id: messageId() },
				t0 + 3600_000 + 1
			)
		).toBe('credentials');
	});
});

describe('audit and the SMS log', () => {
	it('credentials by SMS and each SMS sent are audited with the phone masked; the log hides passwords', async () => {
		const credentials = listAudit(db, { limit: 50, event: 'credentials_by_sms' });
		expect(credentials.some((r) => r.subject === '+99890***4567')).toBe(true);
		const sent = listAudit(db, { limit: 100, event: 'sms_sent' });
		expect(sent.length).toBeGreaterThan(3);
		const everything = JSON.stringify([
			...listAudit(db, { limit: 500 }),
			...listSms(db, { limit: 500 })
		]);
		expect(everything).not.toContain(DEMO_PHONE);
		for (const line of outbox(dir))
			if (line.text.startsWith('Login:'))
				expect(everything).not.toContain(credentialsIn(line.text).password);
		const row = listSms(db, { limit: 500 }).find(
			(r) => r.kind === 'credentials' && r.status === 'sent'
		)!;
		expect(row.text).toMatch(/Parol: ••••••/);
		// Nor does the queue itself keep a delivered password.
		expect(
			db.$client
				.prepare(
					"select count(*) as n from sms_messages where kind = 'credentials' and status = 'sent' and text is not null"
				)
				.get()
		).toEqual({ n: 0 });
	});

	it('operators read both logs newest first, a page at a time, through office.audit.list and office.sms.list', async () => {
		const operator = await callerAs(db, 'operator', 'operate12345');
		const [newest, older] = await operator.office.sms.list({ limit: 2 });
		expect(newest.id).toBeGreaterThan(older.id);
		expect(newest.toMasked).toMatch(/^\+998\d\d\*\*\*\d{4}$/);
		const next = await operator.office.sms.list({ limit: 1, beforeId: older.id });
		expect(next[0].id).toBeLessThan(older.id);
		const sent = await operator.office.audit.list({ limit: 3, event: 'sms_sent' });
		expect(sent.map((r) => r.event)).toEqual(['sms_sent', 'sms_sent', 'sms_sent']);
		expect(sent[0].id).toBeGreaterThan(sent[1].id);
		expect((await operator.office.audit.list({ limit: 1 }))[0].event).toBe('sign_in');
	});
});
