import Decimal from 'decimal.js';

/** Integer tiyin (as stored) to so'm as an exact decimal. */
export function tiyinToSom(tiyin: number): Decimal {
	return new Decimal(tiyin).div(100);
}

/** Integer Wh (as stored) to kWh as an exact decimal. */
export function whToKwh(wh: number): Decimal {
	return new Decimal(wh).div(1000);
}

export type BalanceState = 'prepayment' | 'debt' | 'settled';

export function balanceState(balanceTiyin: number): BalanceState {
	if (balanceTiyin > 0) return 'prepayment';
	if (balanceTiyin < 0) return 'debt';
	return 'settled';
}
