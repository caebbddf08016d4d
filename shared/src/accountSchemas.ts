/**
 * Wire contracts of accounts that recover and the functioneel beheerder (`/api/admin/*`,
 * `/api/activation/*`, `/api/auth/password-reset*`, `/api/auth/recovery-code`, `/api/account*`).
 */
import { z } from 'zod';
import { type Role, RoleSchema } from './access.js';
import { EmailSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TOTP_DIGITS } from './authSchemas.js';

export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password is at most ${PASSWORD_MAX_LENGTH} characters`);

/** Recovery codes given at enrolment; each opens one login instead of a TOTP code. */
export const RECOVERY_CODE_COUNT = 10;
/** `abcde-fghjk`: 10 characters of an alphabet without look-alikes, case and dashes ignored. */
export const RecoveryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[a-z0-9]{10}$/, 'code must be 10 letters and digits'));

/** Roles a functioneel beheerder may give: professionals, not beheerders (the CLI) nor clients (invited). */
export const BEHEERDER_CREATABLE_ROLES: readonly Role[] = [
  'gedragswetenschapper',
  'lokaal-team',
  'jeugdbeschermer',
  'jeugdhulpaanbieder',
  'onderwijsconsulent',
  'clientondersteuner',
  'procesregisseur',
  'ben-adviseur',
  'dbt-lid',
  'gz-psycholoog',
  'gemeente',
];

export const ACCOUNT_STATES = ['awaiting-activation', 'active', 'locked', 'disabled'] as const;
export const AccountStateSchema = z.enum(ACCOUNT_STATES);
export type AccountState = z.infer<typeof AccountStateSchema>;

export const AccountSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  role: RoleSchema.nullable(),
  organisation: z.string().nullable(),
  state: AccountStateSchema,
  /** Has a TOTP app enrolled. */
  enrolled: z.boolean(),
  /** May this beheerder act on it (not on beheerders, not on themself). */
  manageable: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

/** `GET /api/admin/accounts` */
export const AccountsResponseSchema = z.object({ region: z.string(), accounts: z.array(AccountSummarySchema) });
export type AccountsResponse = z.infer<typeof AccountsResponseSchema>;

/** `POST /api/admin/accounts`: the role is checked by the server (a clear refusal, not a schema error). */
export const CreateAccountRequestSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200, 'name is at most 200 characters'),
  email: EmailSchema,
  role: z.string().max(100),
  organisation: z.string().trim().min(1, 'organisation is required').max(200, 'organisation is at most 200 characters'),
});
export type CreateAccountRequest = z.infer<typeof CreateAccountRequestSchema>;

/** An enrolment link, shown once to the beheerder (and mailed to the person). */
export const EnrolmentLinkResponseSchema = z.object({
  account: AccountSummarySchema,
  /** `/activeren/<token>` */
  link: z.string(),
  expiresAt: z.string(),
});
export type EnrolmentLinkResponse = z.infer<typeof EnrolmentLinkResponseSchema>;

/** `POST /api/admin/accounts/:id/disable|unlock` */
export const AccountResponseSchema = z.object({ account: AccountSummarySchema });
export type AccountResponse = z.infer<typeof AccountResponseSchema>;

/** A case of the region, without content: no name, no date of birth, nothing from the documents. */
export const RegionCaseSchema = z.object({
  id: z.string(),
  municipality: z.string(),
  /** A CASE_STATUSES value (a string, so one odd row cannot break the list). */
  status: z.string(),
  registeredAt: z.string(),
  /** Escalation level: 'lokaal' or the last step's target. */
  level: z.string(),
  participants: z.number(),
});
export type RegionCase = z.infer<typeof RegionCaseSchema>;
/** `GET /api/admin/cases` */
export const RegionCasesResponseSchema = z.object({ region: z.string(), cases: z.array(RegionCaseSchema) });
export type RegionCasesResponse = z.infer<typeof RegionCasesResponseSchema>;

/** `GET /api/activation/:token`: what the person needs to enrol. */
export const ActivationInfoSchema = z.object({
  name: z.string(),
  login: z.string(),
  /** 'activation': a new account chooses a password; 'enrolment': after a TOTP reset, the password is kept. */
  purpose: z.enum(['activation', 'enrolment']),
  /** The otpauth:// URI as an SVG image (data: URL) to scan. */
  qrDataUrl: z.string(),
  /** The same secret as text, for typing into the app. */
  secret: z.string(),
  expiresAt: z.string(),
});
export type ActivationInfo = z.infer<typeof ActivationInfoSchema>;

/** `POST /api/activation/:token`: a new password (activation) or the current one (enrolment), and a code. */
export const ActivateRequestSchema = z.object({
  password: z.string().min(1, 'password is required').max(PASSWORD_MAX_LENGTH),
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), `code must be ${TOTP_DIGITS} digits`),
});
export type ActivateRequest = z.infer<typeof ActivateRequestSchema>;

/** Shown once; stored only as hashes. */
export const RecoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponseSchema>;

/** `POST /api/auth/recovery-code`: instead of the TOTP code. */
export const RecoveryCodeLoginRequestSchema = z.object({ code: RecoveryCodeSchema });

/** `POST /api/auth/password-reset` */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
/** The same answer whether or not the address is known. */
export const PasswordResetResponseSchema = z.object({ accepted: z.literal(true) });
/** `POST /api/auth/password-reset/:token` */
export const PasswordResetConfirmSchema = z.object({ password: NewPasswordSchema });

/** `GET /api/account` */
export const AccountInfoSchema = z.object({
  login: z.string(),
  name: z.string(),
  kind: z.enum(['professional', 'client']),
  email: z.string().nullable(),
  /** Professionals: unused recovery codes. */
  recoveryCodesLeft: z.number().nullable(),
});
export type AccountInfo = z.infer<typeof AccountInfoSchema>;

/** `POST /api/account/password` */
export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'currentPassword is required').max(PASSWORD_MAX_LENGTH),
  newPassword: NewPasswordSchema,
});
/** `PUT /api/account/email`: null removes it. */
export const SetEmailRequestSchema = z.object({ email: EmailSchema.nullable() });
/** `POST /api/account/recovery-codes`: regenerating needs the password. */
export const RegenerateCodesRequestSchema = z.object({
  password: z.string().min(1, 'password is required').max(PASSWORD_MAX_LENGTH),
});
