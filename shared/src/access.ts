import { z } from 'zod';

/** Roles from the domain brief (§2). */
export const ROLES = [
  'jeugdige',
  'ouder',
  'gedragswetenschapper',
  'lokaal-team',
  'jeugdbeschermer',
  'jeugdhulpaanbieder',
  'onderwijsconsulent',
  'clientondersteuner',
  'procesregisseur',
  'ben-adviseur',
  'dbt-lid',
  'gemeente',
  'beheerder',
  /** The independent GZ psychologist who judges a request for a closed placement (002 h1). */
  'gz-psycholoog',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const DocumentAccessSchema = z.enum(['read', 'write']);
export type DocumentAccess = z.infer<typeof DocumentAccessSchema>;

/** Claims of a collaboration access token (signed JWT, see server/src/auth). */
export const CollabClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  role: RoleSchema,
  /** Documents this token opens, with the access granted on each. */
  docs: z.record(z.string(), DocumentAccessSchema),
  /**
   * The person's token generation when it was issued; the server refuses a token whose generation is
   * no longer the person's current one (log out everywhere, account disabled). Absent means 0.
   */
  gen: z.number().int().nonnegative().optional(),
});
export type CollabClaims = z.infer<typeof CollabClaimsSchema>;
