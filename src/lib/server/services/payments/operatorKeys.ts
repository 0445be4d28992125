import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db';
import { prepared } from '../../db/prepared';
import type { PaymentOperatorId } from '../../../domain/payments/operators';

/**
 * An operator's merchant key as the operator itself last changed it (Payme's ChangePassword,
 * Paynet's too). Only the SHA-256 of the key is stored: the key is a long random string the
 * operator generates, so a slow password hash would add nothing but a cost to every request.
 * Once a key is stored it, not the environment's, authenticates that operator.
 */

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function storedKeyHash(db: Db, operator: PaymentOperatorId): Buffer | undefined {
	const select = prepared(db, 'operatorKeys.select', () =>
		db.$client.prepare('select key_sha256 from payment_operator_keys where operator = ?').pluck()
	);
	const hex = select.get(operator) as string | undefined;
	return hex === undefined ? undefined : Buffer.from(hex, 'hex');
}

/** Whether `given` is the operator's key: the stored one when there is one, else `envKey`. */
export function operatorKeyMatches(
	db: Db,
	operator: PaymentOperatorId,
	given: string,
	envKey: string
): boolean {
	const expected = storedKeyHash(db, operator) ?? sha256(envKey);
	return timingSafeEqual(sha256(given), expected);
}

export function setOperatorKey(
	db: Db,
	operator: PaymentOperatorId,
	key: string,
	nowMs: number
): void {
	db.$client
		.prepare(
			`insert into payment_operator_keys (operator, key_sha256, changed_at_ms) values (?, ?, ?)
			 on conflict (operator) do update set key_sha256 = excluded.key_sha256, changed_at_ms = excluded.changed_at_ms`
		)
		.run(operator, sha256(key).toString('hex'), nowMs);
}
