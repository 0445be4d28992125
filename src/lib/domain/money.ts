import Decimal from 'decimal.js';

/**
 * Integer tiyin (as stored) to so'm as an exact decimal: the tariff module's one conversion
 * (it refuses a tiyin that is not a whole number).
 */
export { tiyinToSom } from '../tariff/integerRating';

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
