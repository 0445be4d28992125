import { feature } from './feature';

export const settings = feature({
	en: {},
	uz: {},
	'uz-Cyrl': {},
	ru: {}
});
