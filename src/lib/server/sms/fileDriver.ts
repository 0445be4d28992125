import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SmsDriver } from './driver';

/**
 * The demo's gateway: each message appended to a JSON-lines file (`{"to","text","at"}`), which a
 * person or a test reads instead of a phone. One line per message, written whole by one append.
 */
export class FileSmsDriver implements SmsDriver {
	readonly name = 'file';
	constructor(
		readonly file: string,
		private readonly now: () => number = Date.now
	) {}

	async send(toPhone: string, text: string): Promise<{ gatewayId?: string }> {
		mkdirSync(dirname(this.file), { recursive: true });
		const at = new Date(this.now()).toISOString();
		appendFileSync(this.file, `${JSON.stringify({ to: toPhone, text, at })}\n`);
		return {};
	}
}
