/**
 * Cases: the vocabulary (regions, RET statuses, who may do what) and the zod schemas of the /api/cases
 * bodies and responses. The server validates with these; the client uses the same types and role sets
 * to show only the controls that will work.
 */
import { z } from 'zod';
import { ROLES, type Role, RoleSchema } from './access.js';
import { PermissionSchema } from './documentContracts.js';
import { DOCUMENT_TYPES } from './documents.js';

/** The nine youth-care regions of Noord-Holland (domain brief §1). */
export const REGIONS = [
  'Amsterdam-Amstelland',
  'Gooi en Vechtstreek',
  'Haarlemmermeer',
  'Kop van Noord-Holland',
  'Alkmaar (Noord-Kennemerland)',
  'West-Friesland',
  'Zaanstreek-Waterland',
  'Zuid-Kennemerland',
  'IJmond',
] as const;
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

/**
 * The Regional Expert Team of each region: 8 RETs for the 9 regions, Zuid-Kennemerland and IJmond share
 * one (domain brief §1, `003`). The names are how a parent would recognise them, a design choice.
 */
export const RET_OF_REGION: Readonly<Record<Region, string>> = {
  'Amsterdam-Amstelland': 'RET Amsterdam-Amstelland',
  'Gooi en Vechtstreek': 'RET Gooi en Vechtstreek',
  Haarlemmermeer: 'RET Haarlemmermeer',
  'Kop van Noord-Holland': 'RET Kop van Noord-Holland',
  'Alkmaar (Noord-Kennemerland)': 'RET Noord-Kennemerland',
  'West-Friesland': 'RET West-Friesland',
  'Zaanstreek-Waterland': 'RET Zaanstreek-Waterland',
  'Zuid-Kennemerland': 'RET Zuid-Kennemerland en IJmond',
  IJmond: 'RET Zuid-Kennemerland en IJmond',
};

/** Whether a string is one of the nine regions (the registration and consultation forms refuse others). */
export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/**
 * Who asked for the case (aanmelder's question came from): the parent, the young person, education or a
 * professional. Kept beside `registeredBy` (who registered it, as the monitor counts it).
 */
export const REQUESTERS = ['ouder', 'jeugdige', 'onderwijs', 'professional'] as const;
export const RequesterSchema = z.enum(REQUESTERS);
export type Requester = z.infer<typeof RequesterSchema>;

/** The RET process steps (registration/triage → joint analysis and planning → monitoring → scaled down). */
export const CASE_STATUSES = ['aanmelding', 'analyse_en_planvorming', 'monitoring', 'afgeschaald'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;
/** The status that closes a case (starts the retention period, makes the documents read-only). */
export const CLOSED_STATUS: CaseStatus = 'afgeschaald';

/** Professionals who may register a case; the registrant becomes a participant. */
export const CASE_CREATOR_ROLES: readonly Role[] = [
  'procesregisseur',
  'gedragswetenschapper',
  'jeugdbeschermer',
  'lokaal-team',
  'jeugdhulpaanbieder',
];
/** Who directs the process: moves the status, decides on destruction requests. */
export const PROCESS_DIRECTION_ROLES: readonly Role[] = ['procesregisseur', 'gedragswetenschapper'];
/** The people a case is about; their accounts are 'client' accounts with a role per case. */
export const CLIENT_ROLES: readonly Role[] = ['jeugdige', 'ouder'];
/** Organisation roles that may take part in a case (municipality staff and administrators never do). */
export const PARTICIPANT_PROFESSIONAL_ROLES: readonly Role[] = ROLES.filter(
  (role) => !CLIENT_ROLES.includes(role) && role !== 'gemeente' && role !== 'beheerder',
);

/** Who registered the case, as the RET monitor counts it (domain brief §6). */
export const REGISTRANTS = [
  'gi',
  'lokaal-team',
  'jeugdhulpaanbieder',
  'ouders',
  'jeugdige',
  'onderwijs',
  'anders',
] as const;
export const RegistrantSchema = z.enum(REGISTRANTS);

/** The kind of question the RET got (domain brief §6, `003`): consultation and advice, or process direction. */
export const QUESTION_KINDS = ['consultatie-advies', 'procesregie'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/**
 * The kinds of problems, one list for every region so the RET monitor compares (domain brief §6; the
 * kinds the 2024 RET report names per registrant and target group). Only these ever become a label in
 * the monitor: a stored value outside the list (older free text) counts as 'overig', never as itself.
 */
export const PROBLEM_CATEGORIES = [
  'schoolverzuim',
  'gedrag',
  'hechting',
  'trauma',
  'autisme',
  'lvb',
  'psychisch',
  'eetproblemen',
  'verslaving',
  'onveiligheid',
  'gezin',
  'dreigende-uithuisplaatsing',
  'overig',
] as const;
export const ProblemCategorySchema = z.enum(PROBLEM_CATEGORIES);
export type ProblemCategory = z.infer<typeof ProblemCategorySchema>;

const id = z.string().min(1).max(100);
const personName = z.string().trim().min(1, 'name is required').max(200);
/** A calendar date; the server checks that it is not in the future. */
export const DateOnlySchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

export const CreateCaseBodySchema = z.strictObject({
  youngPerson: z.strictObject({
    name: personName,
    dateOfBirth: DateOnlySchema,
    /** Municipality of origin: stays responsible (woonplaatsbeginsel). */
    municipality: z.string().trim().min(1).max(100),
  }),
  region: RegionSchema,
  /** The behavioural scientist responsible for the analysis; must be (or become) a participant. */
  responsibleScientistId: id.optional(),
  registeredBy: RegistrantSchema.optional(),
  /** Who asked (the parent, the young person, education, a professional). */
  requester: RequesterSchema.optional(),
  /** What for: the question, in a few sentences. */
  question: z.string().trim().max(2000).optional(),
  problemCategories: z.array(ProblemCategorySchema).max(PROBLEM_CATEGORIES.length).optional(),
  attendsSchool: z.boolean().optional(),
  /** Consultation and advice, or process direction (the RET monitor counts it). */
  questionKind: QuestionKindSchema.optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBodySchema>;

export const AddParticipantBodySchema = z.strictObject({ userId: id, role: RoleSchema });
/** DELETE /api/cases/:id/participants/:userId — ending someone's access always says why (access log). */
export const RemoveParticipantBodySchema = z.strictObject({ reason: z.string().trim().max(500).optional() });
/** POST /api/cases/:id/process-direction — hand procesregie to another participant. */
export const ProcessDirectionBodySchema = z.strictObject({ userId: id });
export const ParentsConsentBodySchema = z.strictObject({ consent: z.boolean() });
export const StatusBodySchema = z.strictObject({ status: CaseStatusSchema });
export const DestructionRequestBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const DestructionDecisionBodySchema = z
  .strictObject({
    decision: z.enum(['approved', 'refused']),
    /** Required for a refusal: the substantial interest of another, or the legal duty that forbids it. */
    motivation: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.decision !== 'refused' || (b.motivation ?? '').length > 0, {
    message: 'a refusal needs a motivation (the substantial interest of another, or the legal duty)',
    path: ['motivation'],
  });
export type DestructionDecisionBody = z.infer<typeof DestructionDecisionBodySchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  age: z.number(),
  region: z.string(),
  status: CaseStatusSchema,
  myRole: RoleSchema,
  hasAccess: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseParticipantViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
  organisation: z.string().nullable(),
});
export type CaseParticipantView = z.infer<typeof CaseParticipantViewSchema>;

/** A case's own record (registration, status): what `POST /api/cases` and a status change answer. */
export const CaseRecordSchema = z.object({
  id: z.string(),
  youngPerson: z.object({ name: z.string(), dateOfBirth: z.string(), age: z.number(), municipality: z.string() }),
  region: z.string(),
  status: CaseStatusSchema,
  responsibleScientistId: z.string().nullable(),
  parentsConsent: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  retentionUntil: z.string().nullable(),
  registeredBy: z.string().nullable(),
  requester: RequesterSchema.nullable(),
  question: z.string().nullable(),
  /** Who holds procesregie (one person, of PROCESS_DIRECTION_ROLES); null while nobody does. */
  processDirectorId: z.string().nullable(),
  problemCategories: z.array(z.string()),
  attendsSchool: z.boolean().nullable(),
  questionKind: QuestionKindSchema.nullable().optional(),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

/** `GET /api/cases/:id`: the record, who takes part, and what this person may do on it. */
export const CaseDetailSchema = CaseRecordSchema.extend({
  participants: z.array(CaseParticipantViewSchema),
  myRole: RoleSchema,
  /** The roles this person may invite by link and code (server/src/domain/invitations.ts); often none. */
  mayInvite: z.array(RoleSchema),
  effectiveSections: z.record(z.enum(DOCUMENT_TYPES), z.record(z.string(), PermissionSchema)),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** What the young person sees of the access log: who, when, what — never addresses or internals. */
export const AccessLogViewSchema = z.object({
  at: z.string(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  event: z.string(),
  outcome: z.string(),
  what: z.string(),
});
export type AccessLogView = z.infer<typeof AccessLogViewSchema>;

export const DestructionRequestViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  requestedAt: z.string(),
  dueBy: z.string(),
  decision: z.enum(['approved', 'refused']).nullable(),
  decidedAt: z.string().nullable(),
  motivation: z.string().nullable(),
  executedAt: z.string().nullable(),
});
export type DestructionRequestView = z.infer<typeof DestructionRequestViewSchema>;

/** GET /api/cases */
export const CasesResponseSchema = z.object({ cases: z.array(CaseSummarySchema) });
export type CasesResponse = z.infer<typeof CasesResponseSchema>;
/** GET /api/cases/:id */
export const CaseDetailResponseSchema = z.object({ case: CaseDetailSchema });
export type CaseDetailResponse = z.infer<typeof CaseDetailResponseSchema>;
/** POST /api/cases (201), PUT /api/cases/:id/status */
export const CaseRecordResponseSchema = z.object({ case: CaseRecordSchema });
export type CaseRecordResponse = z.infer<typeof CaseRecordResponseSchema>;
/** POST /api/cases/:id/participants (201) */
export const ParticipantAddedResponseSchema = z.object({
  participant: z.object({ userId: z.string(), role: RoleSchema }),
});
export type ParticipantAddedResponse = z.infer<typeof ParticipantAddedResponseSchema>;
/** PUT /api/cases/:id/parents-consent */
export const ParentsConsentResponseSchema = z.object({ parentsConsent: z.boolean() });
export type ParentsConsentResponse = z.infer<typeof ParentsConsentResponseSchema>;
/** GET /api/cases/:id/access-log */
export const AccessLogResponseSchema = z.object({ entries: z.array(AccessLogViewSchema) });
export type AccessLogResponse = z.infer<typeof AccessLogResponseSchema>;
/** GET /api/cases/:id/destruction-requests */
export const DestructionRequestsResponseSchema = z.object({ requests: z.array(DestructionRequestViewSchema) });
export type DestructionRequestsResponse = z.infer<typeof DestructionRequestsResponseSchema>;
/** POST /api/cases/:id/destruction-requests (201), POST …/:requestId/decision */
export const DestructionRequestResponseSchema = z.object({ request: DestructionRequestViewSchema });
export type DestructionRequestResponse = z.infer<typeof DestructionRequestResponseSchema>;

/** `GET /api/directory/professionals?role=&q=`: active professionals by name, role and organisation only. */
export const ProfessionalEntrySchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
  organisation: z.string().nullable(),
});
export type ProfessionalEntry = z.infer<typeof ProfessionalEntrySchema>;
export const ProfessionalsResponseSchema = z.object({ professionals: z.array(ProfessionalEntrySchema) });
export type ProfessionalsResponse = z.infer<typeof ProfessionalsResponseSchema>;
/** POST /api/cases/:id/process-direction */
export const ProcessDirectionResponseSchema = z.object({ processDirectorId: z.string() });
export type ProcessDirectionResponse = z.infer<typeof ProcessDirectionResponseSchema>;
