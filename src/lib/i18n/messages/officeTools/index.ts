// Every language of the office tools' messages at once, for tests; pages load catalogues/*.ts.
export { en } from './en';
export { uz } from './uz';
export { uzCyrl } from './uzCyrl';
export { ru } from './ru';
