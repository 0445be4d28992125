import { feature } from './feature';

export const history = feature({
	en: {},
	uz: {},
	'uz-Cyrl': {},
	ru: {}
});
