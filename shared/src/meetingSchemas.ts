/**
 * Case meetings (MDO, domain brief §5): the zod schemas of the /api/cases/:caseId/meetings… bodies and
 * the MeetingView the server answers with (REST) and broadcasts as `meeting:state` (socket.io). The
 * server validates with these; the client uses the same types and the linkable sections.
 */
import { z } from 'zod';
import { type Role, RoleSchema } from './access.js';
import { SECTIONS } from './documents.js';

export const MEETING_STATUSES = ['scheduled', 'live', 'ended'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_ITEM_KINDS = ['decision', 'action'] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

/** How someone attended: through their live connection to the meeting page, by phone, or in the room. */
export const ATTENDANCE_VIA = ['presence', 'phone', 'in-person'] as const;
export type AttendanceVia = (typeof ATTENDANCE_VIA)[number];

/** Documents a decision or action can land in. */
export const MEETING_LINK_DOCUMENTS = ['analysis', 'futurePlan'] as const;
export type MeetingLinkDocument = (typeof MEETING_LINK_DOCUMENTS)[number];

/**
 * Sections a decision or action may land in: the professionals' text sections (a paragraph is
 * appended) and the life domains of the future plan (an item {wat, wie, wanneer} is appended). Someone's
 * own words are never written by the meeting; hypotheses and the 18+ checklist have their own shape.
 */
export const MEETING_LINKABLE_SECTIONS: Record<MeetingLinkDocument, readonly string[]> = {
  analysis: SECTIONS.analysis
    .filter((s) => s.owner.kind === 'professional' && s.content === 'richText' && !s.legacy)
    .map((s) => s.id),
  futurePlan: SECTIONS.futurePlan
    .filter((s) => s.owner.kind === 'professional' && (s.content === 'richText' || s.id.startsWith('domein_')))
    .map((s) => s.id),
};

/** Roles whose presence counts as "education present" in the required-roles check. */
export const MEETING_EDUCATION_ROLES: readonly Role[] = ['onderwijsconsulent'];

/** Limits. */
export const MEETING_TITLE_MAX = 200;
export const MEETING_AGENDA_MAX_ITEMS = 30;
export const MEETING_INVITEES_MAX = 50;
export const MEETING_ITEM_TEXT_MAX = 2000;
export const MEETING_READ_BACK_MAX = 4000;

const id = z.string().trim().min(1).max(100);
const text = (what: string, max: number) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);
/** A moment with offset, e.g. 2026-11-23T10:00:00+01:00. */
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO date-time, e.g. 2026-11-23T10:00:00Z' });
const dateOnly = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

/** POST /api/cases/:caseId/meetings */
export const ScheduleMeetingBodySchema = z.strictObject({
  title: text('title', MEETING_TITLE_MAX),
  scheduledAt: instant,
  agenda: z.array(text('agenda item', 500)).max(MEETING_AGENDA_MAX_ITEMS),
  inviteeUserIds: z
    .array(id)
    .max(MEETING_INVITEES_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'inviteeUserIds must not repeat a person'),
});
export type ScheduleMeetingBody = z.infer<typeof ScheduleMeetingBodySchema>;

/** POST /api/cases/:caseId/meetings/:meetingId/start — the chair defaults to the caller. */
export const StartMeetingBodySchema = z.strictObject({ chairUserId: id.optional() });
export type StartMeetingBody = z.infer<typeof StartMeetingBodySchema>;

/** PUT /api/cases/:caseId/meetings/:meetingId/chair */
export const MeetingChairBodySchema = z.strictObject({ chairUserId: id });
export type MeetingChairBody = z.infer<typeof MeetingChairBodySchema>;

/** POST /api/cases/:caseId/meetings/:meetingId/attendance — someone attending by phone or in the room. */
export const ManualAttendanceBodySchema = z.strictObject({
  name: text('name', 200),
  role: RoleSchema,
  via: z.enum(['phone', 'in-person'], { message: 'via must be phone or in-person' }),
  /** When the person has an account on the case. */
  userId: id.optional(),
});
export type ManualAttendanceBody = z.infer<typeof ManualAttendanceBodySchema>;

export const MeetingLinkSchema = z
  .strictObject({
    document: z.enum(MEETING_LINK_DOCUMENTS, { message: 'document must be analysis or futurePlan' }),
    section: z.string().min(1).max(64),
  })
  .refine((l) => MEETING_LINKABLE_SECTIONS[l.document].includes(l.section), {
    message: 'this section cannot hold meeting decisions (see MEETING_LINKABLE_SECTIONS)',
    path: ['section'],
  });
export type MeetingLink = z.infer<typeof MeetingLinkSchema>;

/**
 * POST /api/cases/:caseId/meetings/:meetingId/items — a decision or an action. An action needs an owner
 * (a person on the case by id, or a name such as an organisation) and a due date.
 */
export const MeetingItemBodySchema = z
  .strictObject({
    kind: z.enum(MEETING_ITEM_KINDS, { message: 'kind must be decision or action' }),
    text: text('text', MEETING_ITEM_TEXT_MAX),
    ownerUserId: id.nullish(),
    ownerName: z.string().trim().min(1).max(200).nullish(),
    due: dateOnly.nullish(),
    link: MeetingLinkSchema.nullish(),
  })
  .refine((b) => b.kind !== 'action' || Boolean(b.ownerUserId || b.ownerName), {
    message: 'an action needs an owner (ownerUserId or ownerName)',
    path: ['ownerUserId'],
  })
  .refine((b) => b.kind !== 'action' || Boolean(b.due), { message: 'an action needs a due date', path: ['due'] });
export type MeetingItemBody = z.infer<typeof MeetingItemBodySchema>;

/** PUT /api/cases/:caseId/meetings/:meetingId/read-back — the summary read back to the young person. */
export const MeetingReadBackBodySchema = z.strictObject({ text: text('text', MEETING_READ_BACK_MAX) });
export type MeetingReadBackBody = z.infer<typeof MeetingReadBackBodySchema>;

/**
 * PUT /api/cases/:caseId/meetings/:meetingId/voice-heard — the young person's or parents' voice was heard
 * another way (e.g. a talk beforehand with their JIM); `heard: false` withdraws the mark.
 */
export const MeetingVoiceHeardBodySchema = z.strictObject({
  heard: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});
export type MeetingVoiceHeardBody = z.infer<typeof MeetingVoiceHeardBodySchema>;

/** socket.io `meeting:join` / `meeting:leave`. */
export const RealtimeMeetingRefSchema = z.strictObject({ caseId: id, meetingId: id });
export type RealtimeMeetingRef = z.infer<typeof RealtimeMeetingRefSchema>;

export const MeetingPersonSchema = z.object({ userId: z.string(), name: z.string(), role: RoleSchema });
export type MeetingPerson = z.infer<typeof MeetingPersonSchema>;

export const MeetingAttendanceSchema = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  role: RoleSchema,
  via: z.enum(ATTENDANCE_VIA),
  /** Attended (joined while the meeting was live, or entered by hand). Invitees who did not: false. */
  present: z.boolean(),
  /** Connected to the meeting right now (presence only; false for phone / in-person entries). */
  online: z.boolean(),
});
export type MeetingAttendance = z.infer<typeof MeetingAttendanceSchema>;

export const RequiredRolesCheckSchema = z.object({
  educationPresent: z.boolean(),
  youngPersonOrParentsHeard: z.boolean(),
  /** Plain Dutch lines, one per missing requirement; empty when complete. */
  missing: z.array(z.string()),
});
export type RequiredRolesCheck = z.infer<typeof RequiredRolesCheckSchema>;

export const MeetingItemViewSchema = z.object({
  id: z.string(),
  kind: z.enum(MEETING_ITEM_KINDS),
  text: z.string(),
  ownerName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  /** YYYY-MM-DD. */
  due: z.string().nullable(),
  link: z.object({ document: z.enum(MEETING_LINK_DOCUMENTS), section: z.string() }).nullable(),
  /** ISO 8601. */
  createdAt: z.string(),
  /** User id of who recorded it. */
  createdBy: z.string(),
});
export type MeetingItemView = z.infer<typeof MeetingItemViewSchema>;

export const MeetingViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  /** ISO 8601. */
  scheduledAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  chairUserId: z.string().nullable(),
  agenda: z.array(z.string()),
  invitees: z.array(MeetingPersonSchema),
  attendance: z.array(MeetingAttendanceSchema),
  requiredRoles: RequiredRolesCheckSchema,
  items: z.array(MeetingItemViewSchema),
  readBack: z.string().nullable(),
  /** Set when the young person's or parents' voice was marked heard by hand (`by`: the user id who marked it). */
  voiceMarkedHeard: z.object({ by: z.string(), note: z.string().nullable(), at: z.string() }).nullable(),
  /** ISO 8601, when started / ended. */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** The Yjs notes document `<caseId>.meetingNotes.<meetingId>`. */
  notesDocumentId: z.string(),
});
export type MeetingView = z.infer<typeof MeetingViewSchema>;

export const MeetingSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  scheduledAt: z.string(),
  status: z.enum(MEETING_STATUSES),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

/** GET /api/cases/:caseId/meetings */
export const MeetingsResponseSchema = z.object({ meetings: z.array(MeetingSummarySchema) });
export type MeetingsResponse = z.infer<typeof MeetingsResponseSchema>;
/** Every meeting route that reads or changes one meeting: the meeting as it is now. */
export const MeetingResponseSchema = z.object({ meeting: MeetingViewSchema });
export type MeetingResponse = z.infer<typeof MeetingResponseSchema>;
/** POST …/items (201): the recorded item and the meeting as it is now. */
export const MeetingItemResponseSchema = MeetingResponseSchema.extend({ item: MeetingItemViewSchema });
export type MeetingItemResponse = z.infer<typeof MeetingItemResponseSchema>;

/** socket.io room of a meeting. */
export function meetingRoom(meetingId: string): string {
  return `meeting:${meetingId}`;
}
