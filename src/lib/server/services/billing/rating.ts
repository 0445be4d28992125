import {
	compileMonth,
	emptyTiyinLines,
	MAX_USAGE_WH,
	rateMonth,
	rateUsageTiyinLines,
	TariffError,
	type CompiledBlocks,
	type TariffVersion,
	type TiyinLines
} from '../../../tariff';
import { encodeChargeLines } from '../../../domain/billing';
import { tryKwhTextToWh, whToKwhText } from '../../../domain/readings/kwh';

export type RatedMonth =
	/** `linesJson`: the block lines as `encodeChargeLines` writes them. */
	| { ok: true; amountTiyin: number; linesJson: string }
	| { ok: false; reason: 'no_tariff' | 'usage_out_of_range'; detail: string };

interface ClassPlan {
	/** The integer path's table when one version rates the whole month; null otherwise. */
	fast: {
		compiled: CompiledBlocks;
		/** Each block's line as `encodeChargeLines` writes it, up to its usage and amount. */
		linePrefixes: string[];
		into: TiyinLines;
	} | null;
	/** Why the class cannot be rated this month at all. */
	refusal: RatedMonth | null;
}

/**
 * Rates one month for any number of accounts with the tariff module: the integer fast path
 * (`rateUsageTiyinLines`) when a single version rates the month and the usage is within its
 * bound, the decimal `rateMonth` otherwise (a version starting mid-month, a giant usage). Both
 * give the same amounts to the tiyin; the tariff module's tests prove it.
 */
export function monthRater(versions: readonly TariffVersion[], month: string) {
	const plans = new Map<string, ClassPlan>();

	function planOf(tariffClass: string): ClassPlan {
		let plan = plans.get(tariffClass);
		if (plan) return plan;
		plan = { fast: null, refusal: null };
		try {
			const compiled = compileMonth(versions, tariffClass, month);
			if (compiled.parts.length === 1) {
				const part = compiled.parts[0];
				const version = versions.find((v) => v.id === part.versionId) as TariffVersion;
				const { compiled: c } = part;
				plan.fast = {
					compiled: c,
					// encodeChargeLines's tuple, [versionId, fromWh, toWh, priceTiyinPerKwh, wh, tiyin],
					// written once per class: a million-account run then only appends wh and tiyin.
					linePrefixes: version.blocks.map((b, i) => {
						const toWh = b.upToKwh === null ? null : (tryKwhTextToWh(b.upToKwh) as number);
						const fixed = encodeChargeLines([
							{
								versionId: part.versionId,
								fromWh: c.lowerWh[i],
								toWh,
								priceTiyinPerKwh: c.priceTiyinPerKwh[i],
								wh: 0,
								tiyin: 0
							}
						]);
						return fixed.slice(1, -'0,0]]'.length);
					}),
					into: emptyTiyinLines(c)
				};
			}
		} catch (error) {
			if (!(error instanceof TariffError)) throw error;
			if (error.code === 'NO_TARIFF')
				plan.refusal = { ok: false, reason: 'no_tariff', detail: error.message };
			// OUT_OF_RANGE is a price past the integer path's bound, which the decimal path rates;
			// anything else (an invalid list of versions) is not the account's problem.
			else if (error.code !== 'OUT_OF_RANGE') throw error;
		}
		plans.set(tariffClass, plan);
		return plan;
	}

	function rateFast(fast: NonNullable<ClassPlan['fast']>, usageWh: number): RatedMonth {
		const { compiled, into, linePrefixes } = fast;
		rateUsageTiyinLines(compiled, usageWh, into);
		let linesJson = '[';
		for (let i = 0; i < compiled.count; i++) {
			const wh = into.lineWh[i];
			if (wh <= 0) continue;
			if (linesJson.length > 1) linesJson += ',';
			linesJson += `${linePrefixes[i]}${wh},${into.lineTiyin[i]}]`;
		}
		return { ok: true, amountTiyin: into.totalTiyin, linesJson: linesJson + ']' };
	}

	function rateDecimal(tariffClass: string, usageWh: number): RatedMonth {
		try {
			const rating = rateMonth(versions, tariffClass, month, whToKwhText(usageWh));
			return {
				ok: true,
				amountTiyin: rating.total.times(100).toNumber(),
				linesJson: encodeChargeLines(
					rating.lines.map((line) => ({
						versionId: line.versionId,
						fromWh: line.fromKwh.times(1000).toNumber(),
						toWh: line.toKwh === null ? null : line.toKwh.times(1000).toNumber(),
						priceTiyinPerKwh: line.pricePerKwh.times(100).toNumber(),
						wh: line.kwh.times(1000).toNumber(),
						tiyin: line.amount.times(100).toNumber()
					}))
				)
			};
		} catch (error) {
			if (error instanceof TariffError && error.code === 'OUT_OF_RANGE') {
				return { ok: false, reason: 'usage_out_of_range', detail: error.message };
			}
			throw error;
		}
	}

	return function rate(tariffClass: string, usageWh: number): RatedMonth {
		const plan = planOf(tariffClass);
		if (plan.refusal) return plan.refusal;
		if (plan.fast && usageWh <= MAX_USAGE_WH) return rateFast(plan.fast, usageWh);
		return rateDecimal(tariffClass, usageWh);
	};
}
