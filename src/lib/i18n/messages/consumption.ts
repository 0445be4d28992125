import { feature } from './feature';

export const consumption = feature({
	en: {},
	uz: {},
	'uz-Cyrl': {},
	ru: {}
});
