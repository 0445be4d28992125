import { feature } from './feature';

export const help = feature({
	en: {},
	uz: {},
	'uz-Cyrl': {},
	ru: {}
});
