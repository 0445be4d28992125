/**
 * Tok's tariff module: rates household electricity on the phone and on the server with the same
 * code and the same result to the tiyin. Pure: no DOM, no Node APIs, no I/O, no clock.
 * See README.md.
 */
export { TariffError, type TariffErrorCode } from './errors';
export {
	HOUSEHOLD_2024_05,
	HOUSEHOLD_2025_05,
	STOVE_2024_05,
	TARIFF_VERSIONS,
	type TariffBlock,
	type TariffClass,
	type TariffVersion
} from './versions';
export {
	parseTariffBlocks,
	parseTariffVersion,
	tariffVersionProblems,
	validateTariffVersions,
	type TariffProblem
} from './validate';
export { MAX_USAGE_KWH } from './decimal';
export { rateUsage, type Rating, type RatingLine } from './rate';
export { rateMonth, type MonthLine, type MonthPart, type MonthRating } from './rateMonth';
export { ratePeriod, type DailyUsage, type PeriodMonth, type PeriodRating } from './ratePeriod';
export {
	compileBlocks,
	compileMonth,
	emptyTiyinLines,
	usageKwhToWh,
	MAX_PRICE_TIYIN_PER_KWH,
	MAX_USAGE_WH,
	rateMonthTiyin,
	rateUsageTiyin,
	rateUsageTiyinLines,
	tiyinToSom,
	type CompiledBlocks,
	type CompiledMonth,
	type CompiledMonthPart,
	type TiyinLines
} from './integerRating';
