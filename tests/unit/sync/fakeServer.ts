/**
 * A small, naive reference implementation of the server's side of the sync protocol, in memory:
 * de-duplication by command id first, then a per-device last seq with gap detection; request
 * commands with the same refusals as the real services; a pull by version cursor in pages.
 * It is the oracle the outbox model test compares the engine against (as Actual's
 * mockSyncServer), so it stays simple enough to be obviously right.
 */
import { TRPCClientError } from '@trpc/client';
import {
	COMMANDS,
	isCommandKind,
	type CommandKind,
	type CommandPayload
} from '../../../src/lib/domain/sync/commands';
import type {
	CommandEnvelope,
	CommandResult,
	PullInput,
	PullOutput,
	PushInput,
	PushOutput
} from '../../../src/lib/domain/sync/protocol';
import type { RequestRow } from '../../../src/lib/domain/sync/tables';

export interface LogEntry {
	id: string;
	deviceId: string;
	seq: number;
	kind: string;
	status: 'applied' | 'refused';
	reason: string | null;
}

type Outcome = { result: unknown } | { reason: string };

/**
 * The server's side as the sync tests drive it: the fake below, or the real router over a SQLite
 * file (routerServer.ts), so that the same traces run against both.
 */
export interface SyncServer {
	push(input: PushInput): PushOutput | Promise<PushOutput>;
	pull(input: PullInput): PullOutput | Promise<PullOutput>;
	/** The office takes a request into work; from then on the resident cannot cancel it. */
	accept(requestId: string): void;
	/** Every command the server applied or refused, in the order it did. */
	readonly log: LogEntry[];
	/** What a device should hold after a full pull: every request, as the server has it. */
	requestRows(): RequestRow[];
}

export function updateRequiredError(): TRPCClientError<never> {
	return TRPCClientError.from({
		error: {
			message: 'error.update_required',
			code: -32012,
			data: { code: 'PRECONDITION_FAILED', httpStatus: 412 }
		}
	}) as TRPCClientError<never>;
}

export class FakeSyncServer implements SyncServer {
	/** Clients older than this are refused with 'error.update_required'. */
	minProtocol = 1;
	/** Every command the server applied or refused, in the order it did. */
	readonly log: LogEntry[] = [];
	readonly requests = new Map<string, RequestRow & { version: number }>();
	private readonly answers = new Map<string, CommandResult>();
	private readonly lastSeq = new Map<string, number>();
	private version = 0;
	private clock = 1_750_000_000_000;

	constructor(readonly accountIds: number[] = [1, 2]) {}

	push(input: PushInput): PushOutput {
		if (input.protocol < this.minProtocol) throw updateRequiredError();
		const results: CommandResult[] = [];
		for (const command of input.commands) {
			const seen = this.answers.get(command.id);
			if (seen) {
				results.push(seen);
				continue;
			}
			const expectedSeq = (this.lastSeq.get(input.deviceId) ?? 0) + 1;
			if (command.seq !== expectedSeq) return { results, gap: { expectedSeq } };
			const appliedAtMs = this.clock++;
			const outcome = this.apply(command, appliedAtMs);
			const answer: CommandResult =
				'result' in outcome
					? {
							id: command.id,
							seq: command.seq,
							status: 'applied',
							result: outcome.result,
							appliedAtMs
						}
					: {
							id: command.id,
							seq: command.seq,
							status: 'refused',
							reason: outcome.reason,
							appliedAtMs
						};
			this.answers.set(command.id, answer);
			this.lastSeq.set(input.deviceId, command.seq);
			this.log.push({
				id: command.id,
				deviceId: input.deviceId,
				seq: command.seq,
				kind: command.kind,
				status: answer.status,
				reason: answer.status === 'refused' ? answer.reason : null
			});
			results.push(answer);
		}
		return { results, gap: null };
	}

	pull(input: PullInput): PullOutput {
		if (input.protocol < this.minProtocol) throw updateRequiredError();
		const since = input.cursor === null ? 0 : Number(input.cursor);
		const changed = [...this.requests.values()]
			.filter((r) => r.version > since)
			.sort((a, b) => a.version - b.version);
		const page = changed.slice(0, input.limit);
		const cursor = page.length > 0 ? page[page.length - 1].version : since;
		return {
			changes: page.map(({ version: _version, ...row }) => ({
				table: 'requests',
				op: 'put',
				row: structuredClone(row)
			})),
			cursor: String(cursor),
			more: changed.length > page.length,
			remaining: changed.length,
			droppedAccountIds: [],
			serverTimeMs: this.clock
		};
	}

	/** The office takes a request into work; from then on the resident cannot cancel it. */
	accept(requestId: string): void {
		const row = this.requests.get(requestId);
		if (row?.status === 'submitted') this.move(row, 'accepted', this.clock++);
	}

	/** What a device should hold after a full pull: every request, as the server has it. */
	requestRows(): RequestRow[] {
		return [...this.requests.values()]
			.map(({ version: _version, ...row }) => row)
			.sort((a, b) => (a.id < b.id ? -1 : 1));
	}

	/** One handler per command kind: a new kind cannot fall into another kind's branch. */
	private readonly handlers: {
		[K in CommandKind]: (payload: CommandPayload<K>, nowMs: number) => Outcome;
	} = {
		'request.create': (p, nowMs) => {
			if (!this.accountIds.includes(p.accountId)) return { reason: 'error.account_forbidden' };
			if (this.requests.has(p.requestId)) return { reason: 'error.request_exists' };
			const open = [...this.requests.values()].some(
				(r) =>
					r.accountId === p.accountId &&
					r.kind === p.kind &&
					['submitted', 'accepted', 'scheduled'].includes(r.status)
			);
			if (open) return { reason: 'error.request_already_open' };
			this.requests.set(p.requestId, {
				id: p.requestId,
				accountId: p.accountId,
				kind: p.kind,
				status: 'submitted',
				reason: p.reason,
				note: p.note,
				contactPhone: p.contactPhone,
				preferredDate: p.preferredDate,
				statusReason: null,
				sealNumber: null,
				createdAtMs: nowMs,
				updatedAtMs: nowMs,
				history: [{ status: 'submitted', atMs: nowMs, reason: null }],
				version: ++this.version
			});
			return { result: { requestId: p.requestId, status: 'submitted' } };
		},
		'request.cancel': (p, nowMs) => {
			const row = this.requests.get(p.requestId);
			if (!row) return { reason: 'error.request_not_found' };
			if (row.status !== 'submitted') return { reason: 'error.request_not_cancellable' };
			this.move(row, 'cancelled', nowMs);
			return { result: { requestId: row.id, status: 'cancelled' } };
		},
		// Orders are not part of this model: an intent of an own account is taken, once per id.
		'payment.intent': (p) => {
			if (!this.accountIds.includes(p.accountId)) return { reason: 'error.account_forbidden' };
			return { result: { orderId: p.intentId, status: 'open' } };
		},
		// Nor are work orders: a result is taken once per id, as the real server does.
		'inspection.record': (p) => ({
			result: { resultId: p.resultId, workOrderId: p.workOrderId, outcome: 'applied' }
		})
	};

	private apply(command: CommandEnvelope, nowMs: number): Outcome {
		if (!isCommandKind(command.kind)) return { reason: 'error.unknown_command' };
		return this.applyKind(command.kind, command.payload, nowMs);
	}

	private applyKind<K extends CommandKind>(kind: K, payload: unknown, nowMs: number): Outcome {
		const parsed = COMMANDS[kind].safeParse(payload);
		if (!parsed.success) return { reason: 'error.invalid_input' };
		return this.handlers[kind](parsed.data as CommandPayload<K>, nowMs);
	}

	private move(row: RequestRow & { version: number }, status: RequestRow['status'], atMs: number) {
		row.status = status;
		row.updatedAtMs = atMs;
		row.history = [...row.history, { status, atMs, reason: null }];
		row.version = ++this.version;
	}
}
