import { z } from 'zod';
import regionsJson from './regions.json';
import districtsJson from './districts.json';

// The administrative divisions of Uzbekistan, keyed by SOATO (MHOBT) code: 14 top-level units
// (4 digits) and their districts and district-level cities (7 digits, prefixed by the region's
// code). Runs in the browser and on the server alike: no Node APIs here.

/** The locales a place name can be shown in; English uses the Uzbek Latin name. */
export type GeoLocale = 'uz' | 'uz-Cyrl' | 'ru' | 'en';

const name = z.string().trim().min(1);

const regionSchema = z.strictObject({
	soato: z.string().regex(/^\d{4}$/),
	uz: name,
	uzCyrl: name,
	ru: name
});

const districtSchema = z.strictObject({
	soato: z.string().regex(/^\d{7}$/),
	region: z.string().regex(/^\d{4}$/),
	kind: z.enum(['tuman', 'city']),
	uz: name,
	uzCyrl: name,
	ru: name
});

export type Region = Readonly<z.infer<typeof regionSchema>>;
export type District = Readonly<z.infer<typeof districtSchema>>;

function duplicates(codes: string[]): string[] {
	const seen = new Set<string>();
	return codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
}

const geoSchema = z
	.object({ regions: z.array(regionSchema).min(1), districts: z.array(districtSchema).min(1) })
	.superRefine(({ regions, districts }, ctx) => {
		for (const code of duplicates(regions.map((r) => r.soato))) {
			ctx.addIssue({ code: 'custom', path: ['regions'], message: `duplicate region ${code}` });
		}
		for (const code of duplicates(districts.map((d) => d.soato))) {
			ctx.addIssue({ code: 'custom', path: ['districts'], message: `duplicate district ${code}` });
		}
		const regionCodes = new Set(regions.map((r) => r.soato));
		for (const d of districts) {
			if (!regionCodes.has(d.region)) {
				ctx.addIssue({
					code: 'custom',
					path: ['districts'],
					message: `district ${d.soato} names unknown region ${d.region}`
				});
			} else if (!d.soato.startsWith(d.region)) {
				ctx.addIssue({
					code: 'custom',
					path: ['districts'],
					message: `district ${d.soato} does not start with its region's code ${d.region}`
				});
			}
		}
	});

// Parsed once, at import: a malformed data file throws here rather than misbehaving later.
const parsed = geoSchema.parse({ regions: regionsJson, districts: districtsJson });

export const REGIONS: readonly Region[] = Object.freeze(
	parsed.regions.map((r) => Object.freeze(r))
);
export const DISTRICTS: readonly District[] = Object.freeze(
	parsed.districts.map((d) => Object.freeze(d))
);

const regionIndex = new Map(REGIONS.map((r) => [r.soato, r]));
const districtIndex = new Map(DISTRICTS.map((d) => [d.soato, d]));
const districtsByRegion = new Map<string, readonly District[]>(
	REGIONS.map((r) => [r.soato, Object.freeze(DISTRICTS.filter((d) => d.region === r.soato))])
);

export function regionBySoato(code: string): Region | undefined {
	return regionIndex.get(code);
}

export function districtBySoato(code: string): District | undefined {
	return districtIndex.get(code);
}

/** The districts and district-level cities of a region, in SOATO order; empty if unknown. */
export function districtsOfRegion(code: string): readonly District[] {
	return districtsByRegion.get(code) ?? [];
}

function localName(place: Region | District, locale: GeoLocale): string {
	switch (locale) {
		case 'uz-Cyrl':
			return place.uzCyrl;
		case 'ru':
			return place.ru;
		case 'uz':
		case 'en':
			return place.uz;
	}
}

export function regionName(r: Region, locale: GeoLocale): string {
	return localName(r, locale);
}

export function districtName(d: District, locale: GeoLocale): string {
	return localName(d, locale);
}
