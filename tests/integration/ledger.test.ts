import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../src/lib/server/db';
import {
	appendLedgerEntries,
	appendLedgerEntry,
	LedgerError,
	verifyLedger,
	type NewLedgerEntry
} from '../../src/lib/server/services/ledger';
import { seededDb, tempDb } from './helpers/testDb';
import { anAccount, balanceOf, ledgerOf, npmRun } from './helpers/builders';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
	({ db, cleanup } = tempDb());
});
afterAll(() => cleanup());

const payment = (accountId: number, amountTiyin: number, sourceRef: string): NewLedgerEntry => ({
	accountId,
	kind: 'payment',
	amountTiyin,
	date: '2026-10-05',
	sourceRef,
	operator: 'payme',
	createdAtMs: 1
});

const inTransaction = <T>(fn: () => T): T => db.$client.transaction(fn)();

describe('the ledger', () => {
	it('moves the cached balance with every entry, in the same transaction', () => {
		const { id } = anAccount(db);
		inTransaction(() => appendLedgerEntry(db, payment(id, 5_000_000, 'payme:t-1')));
		inTransaction(() =>
			appendLedgerEntry(db, {
				accountId: id,
				kind: 'charge',
				amountTiyin: -1_234_567,
				date: '2026-10-01',
				sourceRef: 'billing:2026-10',
				createdAtMs: 1
			})
		);
		expect(balanceOf(db, id)).toBe(5_000_000 - 1_234_567);
		expect(ledgerOf(db, id).map((e) => e.source_ref)).toEqual(['payme:t-1', 'billing:2026-10']);
	});

	it('refuses to write an entry outside a transaction', () => {
		const { id } = anAccount(db);
		expect(() => appendLedgerEntry(db, payment(id, 100, 'payme:t-2'))).toThrow(LedgerError);
		expect(ledgerOf(db, id)).toEqual([]);
	});

	it('takes a source reference once per account, so a repeated delivery changes nothing', () => {
		const { id } = anAccount(db);
		inTransaction(() => appendLedgerEntry(db, payment(id, 100_000, 'click:42')));
		expect(() =>
			inTransaction(() => appendLedgerEntry(db, payment(id, 100_000, 'click:42')))
		).toThrow(/UNIQUE/);
		expect(balanceOf(db, id)).toBe(100_000);
	});

	it('refuses entries that are not money: zero, fractions, a negative payment, an unknown account', () => {
		const { id } = anAccount(db);
		for (const bad of [
			payment(id, 0, 'a'),
			payment(id, 10.5, 'b'),
			payment(id, -100, 'c'),
			payment(999_999, 100, 'd')
		]) {
			expect(() => inTransaction(() => appendLedgerEntry(db, bad))).toThrow(LedgerError);
		}
		expect(balanceOf(db, id)).toBe(0);
		expect(ledgerOf(db, id)).toEqual([]);
	});

	it('moves the balances of a thousand accounts in one batch, and refuses the batch if one account is unknown', () => {
		const accounts = Array.from({ length: 1_100 }, () => anAccount(db).id);
		const entry = (accountId: number, amountTiyin: number, sourceRef: string) => ({
			accountId,
			kind: 'adjustment' as const,
			amountTiyin,
			date: '2026-10-31',
			sourceRef,
			createdAtMs: 1
		});
		// Every account once, and the first one a second time in the same batch.
		const entries = accounts.map((id, i) => entry(id, -(i + 1), 'bulk:1'));
		entries.push(entry(accounts[0], 500, 'bulk:2'));
		inTransaction(() => appendLedgerEntries(db, entries));
		expect(accounts.map((id) => balanceOf(db, id))).toEqual(
			accounts.map((_, i) => (i === 0 ? 499 : -(i + 1)))
		);

		const withStranger = accounts.map((id) => entry(id, 7, 'bulk:3'));
		withStranger.splice(300, 0, entry(999_999, 7, 'bulk:3'));
		expect(() => inTransaction(() => appendLedgerEntries(db, withStranger))).toThrow(
			'there is no account 999999'
		);
		expect(balanceOf(db, accounts[1])).toBe(-2);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('keeps every balance equal to the sum of its entries, whatever the batches (model test)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.array(
						fc.tuple(
							fc.nat(4),
							fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((n) => n !== 0)
						),
						{ maxLength: 120 }
					),
					{
						maxLength: 6
					}
				),
				(batches) => {
					const accounts = Array.from({ length: 5 }, () => anAccount(db).id);
					const model = new Map(accounts.map((a) => [a, 0]));
					let n = 0;
					for (const batch of batches) {
						const entries = batch.map(([who, amount]) => ({
							accountId: accounts[who],
							kind: 'adjustment' as const,
							amountTiyin: amount,
							date: '2026-10-31',
							sourceRef: `model:${n++}`,
							createdAtMs: 1
						}));
						inTransaction(() => appendLedgerEntries(db, entries));
						for (const e of entries)
							model.set(e.accountId, (model.get(e.accountId) ?? 0) + e.amountTiyin);
					}
					for (const a of accounts) expect(balanceOf(db, a)).toBe(model.get(a));
					expect(verifyLedger(db).mismatches).toEqual([]);
				}
			),
			{ numRuns: 30, seed: 20261101 }
		);
	});
});

describe('npm run ledger:verify', () => {
	it('passes on the demo database and fails with a clear report once a balance is tampered with', async () => {
		const demo = await seededDb(30);
		try {
			const ok = npmRun('ledger:verify', [], demo.dir);
			expect(ok.status).toBe(0);
			expect(ok.stdout).toMatch(/^Ledger OK: 33 balances equal the sums of their [\d,]+ entries/);

			demo.db.$client
				.prepare(
					"update accounts set balance_tiyin = balance_tiyin + 250050 where number = '1726001002'"
				)
				.run();
			const { balance_tiyin: cached } = demo.db.$client
				.prepare("select balance_tiyin from accounts where number = '1726001002'")
				.get() as { balance_tiyin: number };
			const bad = npmRun('ledger:verify', [], demo.dir);
			expect(bad.status).toBe(1);
			const lines = bad.stdout.trim().split('\n');
			expect(lines[0]).toMatch(/^Ledger MISMATCH: 1 of 33 balances differ from their entries/);
			expect(lines[1]).toMatch(
				/^account\s+cached \(so'm\)\s+actual \(so'm\)\s+difference \(so'm\)$/
			);
			const som = (t: number) =>
				`${t < 0 ? '-' : ''}${Math.trunc(Math.abs(t) / 100).toLocaleString('en-US')}.${String(Math.abs(t) % 100).padStart(2, '0')}`;
			expect(lines[2].split(/\s+/)).toEqual([
				'1726001002',
				som(cached),
				som(cached - 250_050),
				'2,500.50'
			]);
		} finally {
			demo.cleanup();
		}
	});

	it('says so when there is no database at all', () => {
		const empty = tempDb();
		try {
			const run = npmRun('ledger:verify', [], `${empty.dir}/nowhere`);
			expect(run.status).toBe(2);
			expect(run.stderr).toContain('No database');
		} finally {
			empty.cleanup();
		}
	});
});
