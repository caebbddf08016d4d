/**
 * Wire contracts of login, second factor, logout and invitations (`/api/auth/*`, `/api/.../invitations`).
 * The server validates every body with these; the client builds its requests from the same types.
 */
import { z } from 'zod';
import { RoleSchema } from './access.js';

/** Long enough to resist guessing; argon2 makes each guess slow. */
export const PASSWORD_MIN_LENGTH = 10;
/** Caps the work one request can cause in the password hash. */
export const PASSWORD_MAX_LENGTH = 200;
export const INVITATION_CODE_DIGITS = 8;
export const TOTP_DIGITS = 6;

/** Logins are compared case-insensitively: e-mail addresses and chosen names alike. */
export const LoginNameSchema = z
  .string()
  .trim()
  .min(1, 'login is required')
  .max(254, 'login is at most 254 characters')
  .transform((s) => s.toLowerCase());

/** An e-mail address: trimmed, lower case, at most 254 characters. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'email is at most 254 characters')
  .pipe(z.email('email must be an e-mail address'));

export const LoginRequestSchema = z.object({
  login: LoginNameSchema,
  // No minimum here: the password policy applies when a password is set, not when one is tried.
  password: z.string().min(1, 'password is required').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const TotpRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), `code must be ${TOTP_DIGITS} digits`),
});
export type TotpRequest = z.infer<typeof TotpRequestSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['professional', 'client']),
  /** Organisation role of a professional; null for clients, whose role is per case. */
  role: RoleSchema.nullable(),
  /** Organisation name; null for clients. */
  organisation: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** After the password: professionals still owe a TOTP code; clients are logged in. */
export const LoginResponseSchema = z.discriminatedUnion('next', [
  z.object({ next: z.literal('totp'), csrfToken: z.string() }),
  z.object({ next: z.literal('done'), user: SessionUserSchema, csrfToken: z.string() }),
]);
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** Roles that are invited to one case instead of having an organisation account. */
export const INVITED_ROLES = ['jeugdige', 'ouder'] as const;

const InviteeNameSchema = z.string().trim().min(1, 'name is required').max(200, 'name is at most 200 characters');

/**
 * The young person is the one recorded at registration: their name comes from the case (a name sent
 * here is ignored). A parent is named by the inviter.
 */
export const CreateInvitationRequestSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.literal('jeugdige'), name: InviteeNameSchema.optional() }),
    z.object({ role: z.literal('ouder'), name: InviteeNameSchema }),
  ],
  { message: `role must be one of: ${INVITED_ROLES.join(', ')}` },
);
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequestSchema>;

export const CreateInvitationResponseSchema = z.object({
  invitationId: z.string(),
  /** The client page that accepts it: `/uitnodiging/<id>`. */
  link: z.string(),
  /** Shown once to the inviting professional, who hands it over in person or by phone. */
  code: z.string(),
  expiresAt: z.string(),
});
export type CreateInvitationResponse = z.infer<typeof CreateInvitationResponseSchema>;

export const AcceptInvitationRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${INVITATION_CODE_DIGITS}}$`), `code must be ${INVITATION_CODE_DIGITS} digits`),
  login: LoginNameSchema.pipe(
    z
      .string()
      .min(3, 'login must be at least 3 characters')
      .regex(/^[a-z0-9._@+-]+$/, 'login may contain only letters, digits and . _ @ + -'),
  ),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `password is at most ${PASSWORD_MAX_LENGTH} characters`),
  /**
   * The young person's date of birth (YYYY-MM-DD), confirmed by whoever accepts: it must match the
   * registration, so an invitation only binds the person the case is about (and their parents).
   */
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dateOfBirth must be YYYY-MM-DD'),
  /** Optional: where notifications and password-reset links may go. Never required. */
  email: EmailSchema.optional(),
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;

export const AcceptInvitationResponseSchema = z.object({
  caseId: z.string(),
  user: SessionUserSchema,
  csrfToken: z.string(),
});
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponseSchema>;

export const INVITATION_STATES = ['open', 'used', 'revoked', 'expired', 'blocked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/**
 * An invitation as listed to those who may act on it (`GET /api/cases/:id/invitations`). `ref` is a
 * public reference (also in the access log); the id in the link is a secret and is never listed.
 */
export const InvitationSummarySchema = z.object({
  ref: z.string(),
  role: z.enum(INVITED_ROLES),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(INVITATION_STATES),
});
export type InvitationSummary = z.infer<typeof InvitationSummarySchema>;
/** `GET /api/cases/:caseId/invitations` */
export const InvitationsResponseSchema = z.object({ invitations: z.array(InvitationSummarySchema) });
export type InvitationsResponse = z.infer<typeof InvitationsResponseSchema>;

/** `POST /api/auth/logout-all`: how many sessions and live document connections were ended. */
export const LogoutAllResponseSchema = z.object({ sessionsEnded: z.number(), connectionsClosed: z.number() });
export type LogoutAllResponse = z.infer<typeof LogoutAllResponseSchema>;
