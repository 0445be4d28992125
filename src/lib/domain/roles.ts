// Kept apart from auth.ts (zod schemas): the root layout reads the roles on every page, and
// must not pull the validation library into the first load.

export const ROLES = ['resident', 'inspector', 'operator', 'admin'] as const;
/** Roles of HET's own people (the back office and the field). */
export const STAFF_ROLES = ['inspector', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
