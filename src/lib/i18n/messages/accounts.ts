import { feature } from './feature';

export const accounts = feature({
	en: {},
	uz: {},
	'uz-Cyrl': {},
	ru: {}
});
