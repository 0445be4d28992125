import type { Messages } from './en';

// Uzbek in Cyrillic script. Until every key is here, a missing one shows in Uzbek Latin.
export const uzCyrl: Partial<Messages> = {};
