/**
 * `POST /api/cases/:id/export` (JSON): the young person's complete, machine-readable dossier, written
 * once. The server builds it (server/src/export/caseExport.ts) and renders the same data as the PDF.
 */
import { z } from 'zod';
import { CaseParticipantViewSchema, CaseRecordSchema, DestructionRequestViewSchema } from './caseSchemas.js';
import { EndorsementViewSchema, VersionSummarySchema } from './documentContracts.js';
import { DOCUMENT_TYPES } from './documents.js';
import { FuturePlanRecordSchema } from './futurePlanSchemas.js';
import { MeetingViewSchema } from './meetingSchemas.js';
import { CorrectionViewSchema, StatementViewSchema } from './rightsSchemas.js';

export const EXPORT_FORMAT = 'samenspraak.case-export';
export const EXPORT_VERSION = 1;

/** A rich-text element as JSON: text with its marks, or an element with attributes and children. */
export type ExportNode =
  | { type: 'text'; text: string; marks?: Record<string, unknown> }
  | { type: string; attrs: Record<string, unknown>; content: ExportNode[] };

/** Recursive, so its type is written out above (zod cannot infer a recursive union). */
export const ExportNodeSchema: z.ZodType<ExportNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('text'), text: z.string(), marks: z.record(z.string(), z.unknown()).optional() }),
    z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()), content: z.array(ExportNodeSchema) }),
  ]),
);

/** One section of an exported document: rich text as plain text and element tree, or the items' JSON. */
export const SectionExportSchema = z.discriminatedUnion('content', [
  z.object({ title: z.string(), content: z.literal('richText'), text: z.string(), tree: z.array(ExportNodeSchema) }),
  z.object({ title: z.string(), content: z.literal('items'), items: z.array(z.unknown()) }),
  z.object({ title: z.string(), content: z.literal('unreadable'), error: z.string() }),
]);
export type SectionExport = z.infer<typeof SectionExportSchema>;

export const CommentExportSchema = z.object({
  id: z.string(),
  section: z.string(),
  parentId: z.string().nullable(),
  author: z.object({ name: z.string(), role: z.string() }),
  text: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type CommentExport = z.infer<typeof CommentExportSchema>;

export const ExportedDocumentSchema = z.object({
  docId: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  meetingId: z.string().optional(),
  sections: z.record(z.string(), SectionExportSchema),
  comments: z.array(CommentExportSchema),
  /** Every stance anyone gave, oldest first; the current one per person has `supersededAt: null`. */
  endorsements: z.array(EndorsementViewSchema),
  /** Named versions (without their content, which is the sections at that moment). */
  versions: z.array(VersionSummarySchema),
  /** Set when `sections` are those of this version rather than the current content. */
  shownVersion: VersionSummarySchema.optional(),
});
export type ExportedDocument = z.infer<typeof ExportedDocumentSchema>;

/** An access-log entry as exported: no network addresses, no hash-chain internals. */
export const AccessLogExportSchema = z.object({
  seq: z.number(),
  at: z.string(),
  event: z.string(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  responsible: z.string().nullable(),
  outcome: z.string(),
  what: z.string(),
});
export type AccessLogExport = z.infer<typeof AccessLogExportSchema>;

export const CaseExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  case: CaseRecordSchema,
  participants: z.array(CaseParticipantViewSchema),
  documents: z.array(ExportedDocumentSchema),
  /** Meetings (MDO): agenda, attendance, decisions and actions, the read-back; notes are in `documents`. */
  meetings: z.array(MeetingViewSchema),
  destructionRequests: z.array(DestructionRequestViewSchema),
  /** Own statements of the young person and parents (Jeugdwet 7.3.8), each on a section or passage. */
  statements: z.array(StatementViewSchema),
  /** Correction requests and their answers. */
  corrections: z.array(CorrectionViewSchema),
  /**
   * The future plan's records (server/src/plan/): per life domain situation, goal, service, funders and
   * the switch at 18, the young person's comment; the BIG5; the supporter; moves. Null when none was written.
   */
  futurePlan: FuturePlanRecordSchema.nullable(),
  accessLog: z.array(AccessLogExportSchema),
});
export type CaseExport = z.infer<typeof CaseExportSchema>;
