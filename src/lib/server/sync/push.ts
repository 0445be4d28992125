import { eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import { inTransaction, type Db } from '../db';
import { syncCommands, syncDevices } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { BusinessRuleError, DomainError, refusalReason } from '../services/errors';
import { firstMessageKey } from '../../domain/validation';
import { HANDLERS, type HandlerContext, type HandlerOutcome } from './handlers';
import { COMMANDS, isCommandKind } from '../../domain/sync/commands';
import type {
	CommandEnvelope,
	CommandResult,
	PushInput,
	PushOutput
} from '../../domain/sync/protocol';

export class DeviceForbiddenError extends DomainError {
	constructor() {
		super('device_forbidden', 'error.device_forbidden');
	}
}

function storedResult(row: typeof syncCommands.$inferSelect): CommandResult {
	return row.status === 'applied'
		? {
				id: row.id,
				seq: row.seq,
				status: 'applied',
				result: row.resultJson === null ? null : JSON.parse(row.resultJson),
				appliedAtMs: row.appliedAtMs
			}
		: {
				id: row.id,
				seq: row.seq,
				status: 'refused',
				reason: row.reason ?? 'error.server',
				appliedAtMs: row.appliedAtMs
			};
}

const placeholder = sql.placeholder;

function statements(db: Db) {
	return prepared(db, 'sync.push', () => ({
		device: db
			.select()
			.from(syncDevices)
			.where(eq(syncDevices.id, placeholder('id')))
			.prepare(),
		touchDevice: db
			.update(syncDevices)
			.set({ lastSeenAtMs: sql`${placeholder('atMs')}` })
			.where(eq(syncDevices.id, placeholder('id')))
			.prepare(),
		insertDevice: db
			.insert(syncDevices)
			.values({
				id: placeholder('id'),
				userId: placeholder('userId'),
				lastSeq: 0,
				createdAtMs: placeholder('atMs'),
				lastSeenAtMs: placeholder('atMs')
			})
			.returning()
			.prepare(),
		command: db
			.select()
			.from(syncCommands)
			.where(eq(syncCommands.id, placeholder('id')))
			.prepare(),
		record: db
			.insert(syncCommands)
			.values({
				id: placeholder('id'),
				deviceId: placeholder('deviceId'),
				seq: placeholder('seq'),
				kind: placeholder('kind'),
				status: placeholder('status'),
				resultJson: placeholder('resultJson'),
				reason: placeholder('reason'),
				appliedAtMs: placeholder('atMs')
			})
			.prepare(),
		advance: db
			.update(syncDevices)
			.set({ lastSeq: sql`${placeholder('seq')}` })
			.where(eq(syncDevices.id, placeholder('id')))
			.prepare()
	}));
}

/**
 * Applies a device's commands in seq order. Each command is atomic on its own (a savepoint that
 * holds its effect, the record of its id and the device's new last seq); the batch commits once,
 * so a crash mid-batch loses the whole batch and the device resends it. A command seen before
 * returns its stored result and has no second effect; a seq gap stops the batch so the device
 * resends in order; a command a business rule refuses is recorded as refused (with its reason)
 * and the queue moves on.
 */
export function applyPush(db: Db, user: SessionUser, input: PushInput, nowMs: number) {
	const queries = statements(db);
	return inTransaction(db, () => {
		let device = queries.device.get({ id: input.deviceId });
		if (device) {
			if (device.userId !== user.id) throw new DeviceForbiddenError();
			queries.touchDevice.run({ id: device.id, atMs: nowMs });
		} else device = queries.insertDevice.get({ id: input.deviceId, userId: user.id, atMs: nowMs })!;
		const deviceId = device.id;

		let lastSeq = device.lastSeq;
		const results: CommandResult[] = [];
		const accountIds = new Set<number>();
		const userIds = new Set<number>();
		let gap: PushOutput['gap'] = null;

		const recordOutcome = (
			command: CommandEnvelope,
			outcome: { result: unknown } | { reason: string }
		) => {
			const applied = 'result' in outcome;
			queries.record.run({
				id: command.id,
				deviceId,
				seq: command.seq,
				kind: command.kind,
				status: applied ? 'applied' : 'refused',
				resultJson: applied ? JSON.stringify(outcome.result ?? null) : null,
				reason: applied ? null : outcome.reason,
				atMs: nowMs
			});
			queries.advance.run({ id: deviceId, seq: command.seq });
		};

		for (const command of input.commands) {
			const earlier = queries.command.get({ id: command.id });
			if (earlier) {
				if (earlier.deviceId !== deviceId) throw new DeviceForbiddenError();
				results.push(storedResult(earlier));
				continue;
			}
			if (command.seq !== lastSeq + 1) {
				gap = { expectedSeq: lastSeq + 1 };
				break;
			}
			try {
				const result = inTransaction(db, () => {
					if (!isCommandKind(command.kind)) throw new BusinessRuleError('error.unknown_command');
					const parsed = COMMANDS[command.kind].safeParse(command.payload);
					if (!parsed.success) throw new BusinessRuleError(firstMessageKey(parsed.error.issues));
					// The registry pairs each kind with its handler; TypeScript cannot see that here.
					const handler = HANDLERS[command.kind] as unknown as (
						db: Db,
						ctx: HandlerContext,
						payload: unknown
					) => HandlerOutcome;
					const outcome = handler(db, { user, nowMs }, parsed.data);
					recordOutcome(command, { result: outcome.result });
					for (const accountId of outcome.accountIds) accountIds.add(accountId);
					for (const userId of outcome.userIds ?? []) userIds.add(userId);
					return outcome.result;
				});
				results.push({
					id: command.id,
					seq: command.seq,
					status: 'applied',
					result,
					appliedAtMs: nowMs
				});
			} catch (error) {
				const reason = refusalReason(error);
				if (reason === null) throw error;
				recordOutcome(command, { reason });
				results.push({
					id: command.id,
					seq: command.seq,
					status: 'refused',
					reason,
					appliedAtMs: nowMs
				});
			}
			lastSeq = command.seq;
		}
		const output: PushOutput = { results, gap };
		return { output, accountIds: [...accountIds], userIds: [...userIds] };
	});
}
