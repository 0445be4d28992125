import { createHash } from 'node:crypto';
import type { Db } from '../../db';
import { hashPassword, verifyPassword } from '../../auth/password';
import type { PaymentOperatorId } from '../../../domain/payments/operators';
import { sameSecret } from './basicAuth';

/**
 * A password an operator set through its own protocol (Paynet's ChangePassword), kept as an
 * argon2id hash; once set it stands instead of the one in the environment. An operator calls
 * many times a second with the same credentials, so one successful argon2 verification is
 * remembered per stored hash (by a digest of what was sent, never the password itself).
 */
const verified = new Map<PaymentOperatorId, { hash: string; digest: string }>();

function storedHash(db: Db, operator: PaymentOperatorId): string | undefined {
	const row = db.$client
		.prepare('select password_hash as hash from operator_passwords where operator = ?')
		.get(operator) as { hash: string } | undefined;
	return row?.hash;
}

/** Whether `password` is the operator's: the changed one when there is one, else `envPassword`. */
export async function operatorPasswordMatches(
	db: Db,
	operator: PaymentOperatorId,
	password: string,
	envPassword: string
): Promise<boolean> {
	const hash = storedHash(db, operator);
	if (hash === undefined) return sameSecret(password, envPassword);
	const digest = createHash('sha256').update(password).digest('hex');
	const memo = verified.get(operator);
	if (memo && memo.hash === hash) return sameSecret(digest, memo.digest);
	if (!(await verifyPassword(hash, password))) return false;
	verified.set(operator, { hash, digest });
	return true;
}

export async function changeOperatorPassword(
	db: Db,
	operator: PaymentOperatorId,
	password: string,
	nowMs: number
): Promise<void> {
	const hash = await hashPassword(password);
	db.$client
		.prepare(
			`insert into operator_passwords (operator, password_hash, changed_at_ms) values (?, ?, ?)
			 on conflict (operator) do update set password_hash = excluded.password_hash, changed_at_ms = excluded.changed_at_ms`
		)
		.run(operator, hash, nowMs);
	verified.delete(operator);
}
