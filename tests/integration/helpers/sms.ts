import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POST as inboundPost } from '../../../src/routes/api/sms/inbound/+server';
import { FileSmsDriver } from '../../../src/lib/server/sms/fileDriver';
import { drainSmsOutbox } from '../../../src/lib/server/sms/outbox';
import type { Db } from '../../../src/lib/server/db';

export const SMS_SECRET = 'sms-test-secret-3f9a';

/** Posts to the real route handler as the gateway would; `secret: null` sends no header. */
export async function postInbound(
	body: unknown,
	opts: { secret?: string | null; type?: string; raw?: boolean } = {}
) {
	const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/json' };
	const secret = opts.secret === undefined ? SMS_SECRET : opts.secret;
	if (secret !== null) headers['x-sms-secret'] = secret;
	const response = await inboundPost({
		request: new Request('http://localhost/api/sms/inbound', {
			method: 'POST',
			headers,
			body: opts.raw ? (body as string) : JSON.stringify(body)
		})
	} as Parameters<typeof inboundPost>[0]);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface OutboxLine {
	to: string;
	text: string;
	at: string;
}

/** Sends what the queue holds through the file driver, as the demo's worker does. */
export function deliverQueued(db: Db, dir: string, nowMs: number = Date.now()) {
	return drainSmsOutbox(
		db,
		new FileSmsDriver(join(dir, 'sms-outbox.jsonl'), () => nowMs),
		() => nowMs
	);
}

export function outbox(dir: string): OutboxLine[] {
	const file = join(dir, 'sms-outbox.jsonl');
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as OutboxLine);
}

/** Login and password out of a credentials reply. */
export function credentialsIn(text: string): { login: string; password: string } {
	const login = /^Login: (.+)$/m.exec(text)?.[1];
	const password = /^Parol: (.+)$/m.exec(text)?.[1];
	if (!login || !password) throw new Error(`no credentials in: ${text}`);
	return { login, password };
}
