import type { Db } from '../db';
import { inTransaction } from '../db';
import { maskPhone } from '../../domain/masking';
import { HELP_REPLY, isCredentialsRequest, NOT_REGISTERED_REPLY } from '../../domain/sms/replies';
import { enqueueSms, hasSmsOfKind } from '../sms/outbox';
import { recordAudit } from './audit';
import {
	accountsOfPhone,
	newPassword,
	phoneCapReached,
	sendCredentialsToPhone,
	type NewPassword
} from './credentialsBySms';

// What an inbound SMS to 2100 leads to. The gateway's message id is remembered, so a redelivered
// message does nothing; at most SMS_PER_PHONE_MAX replies go to one phone an hour, beyond that
// nothing is answered at all (an SMS loop or a flood costs no more than that).

export interface InboundSms {
	/** The sender, normalised (+998…). */
	from: string;
	to: string;
	text: string;
	/** The gateway's message id. */
	id: string;
}

export type InboundOutcome =
	'credentials' | 'not_registered' | 'help' | 'ignored' | 'rate_limited' | 'duplicate';

const seen = (db: Db, id: string) =>
	db.$client.prepare('select 1 from sms_inbound where gateway_id = ?').get(id) !== undefined;

export async function answerInboundSms(
	db: Db,
	sms: InboundSms,
	nowMs: number
): Promise<InboundOutcome> {
	if (seen(db, sms.id)) return 'duplicate';
	const wantsCredentials = isCredentialsRequest(sms.text);
	// The slow part (argon2) before the transaction, and only when a reply will carry it.
	let secret: NewPassword | null = null;
	if (
		wantsCredentials &&
		!phoneCapReached(db, sms.from, nowMs) &&
		accountsOfPhone(db, sms.from).length > 0
	)
		secret = await newPassword();

	return inTransaction(db, (): InboundOutcome => {
		// Checked again inside: a parallel delivery of the same id may have got here first.
		if (seen(db, sms.id)) return 'duplicate';
		const accounts = accountsOfPhone(db, sms.from);
		let outcome: InboundOutcome;
		if (phoneCapReached(db, sms.from, nowMs)) {
			outcome = 'rate_limited';
			recordAudit(db, {
				event: 'rate_limited',
				subject: maskPhone(sms.from),
				detail: { via: 'sms', smsId: sms.id },
				atMs: nowMs
			});
		} else if (accounts.length === 0) {
			// Told once per phone: an unknown number that keeps writing gets no more answers.
			if (hasSmsOfKind(db, sms.from, 'not_registered')) outcome = 'ignored';
			else {
				enqueueSms(
					db,
					{
						toPhone: sms.from,
						kind: 'not_registered',
						text: NOT_REGISTERED_REPLY,
						logText: NOT_REGISTERED_REPLY
					},
					nowMs
				);
				outcome = 'not_registered';
			}
		} else if (wantsCredentials && secret) {
			sendCredentialsToPhone(db, sms.from, accounts, secret, nowMs, 'sms');
			outcome = 'credentials';
		} else if (wantsCredentials) {
			// The accounts were registered between the two looks: the next "P" will do.
			outcome = 'ignored';
		} else {
			enqueueSms(
				db,
				{ toPhone: sms.from, kind: 'help', text: HELP_REPLY, logText: HELP_REPLY },
				nowMs
			);
			outcome = 'help';
		}
		db.$client
			.prepare(
				'insert into sms_inbound (gateway_id, from_masked, received_at_ms, outcome) values (?, ?, ?, ?)'
			)
			.run(sms.id, maskPhone(sms.from), nowMs, outcome);
		return outcome;
	});
}
