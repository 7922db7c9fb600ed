/** Roles a Vigil user can hold; every API route names the roles it admits. */
export const ROLES = ['admin', 'duty_officer', 'writer', 'reviewer', 'leader'] as const;
export type Role = (typeof ROLES)[number];
