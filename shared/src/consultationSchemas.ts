/**
 * Consultation requests (consultatie): a parent, a young person or education asks the region's RET for
 * consultation and advice through a short public form (domain brief §1: "which a parent or a child may
 * ask for too"). The request lands in that RET's queue, not in a case; the asker gets a receipt only.
 */
import { z } from 'zod';
import { CreateCaseBodySchema, RegionSchema } from './caseSchemas.js';

/** Who asks: the public form is for these three; professionals register a case. */
export const CONSULTATION_ASKERS = ['ouder', 'jeugdige', 'onderwijs'] as const;
export const ConsultationAskerSchema = z.enum(CONSULTATION_ASKERS);
export type ConsultationAsker = z.infer<typeof ConsultationAskerSchema>;

/** A Dutch phone number, loosely: digits, spaces, dashes, an optional leading + (10 to 15 digits). */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{8,18}[0-9]$/;

/** POST /api/consultations (public). The server checks region, phone/e-mail and gives Dutch refusals. */
export const ConsultationRequestBodySchema = z.strictObject({
  asker: ConsultationAskerSchema,
  region: RegionSchema,
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(200).optional(),
  question: z.string().trim().min(1).max(2000),
});
export type ConsultationRequestBody = z.infer<typeof ConsultationRequestBodySchema>;

/** The answer to the public form: a receipt number to quote, nothing else. */
export const ConsultationReceiptResponseSchema = z.object({ receipt: z.string() });
export type ConsultationReceiptResponse = z.infer<typeof ConsultationReceiptResponseSchema>;

export const CONSULTATION_STATES = ['open', 'answered', 'converted'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** How the RET closed a request it answered itself. */
export const CONSULTATION_OUTCOMES = ['advies-gegeven', 'doorverwezen', 'geen-vervolg'] as const;
export const ConsultationOutcomeSchema = z.enum(CONSULTATION_OUTCOMES);

/** One row of the RET queue: no contact details (they are read one request at a time, logged). */
export const ConsultationSummarySchema = z.object({
  id: z.string(),
  receipt: z.string(),
  asker: ConsultationAskerSchema,
  region: z.string(),
  createdAt: z.string(),
  state: z.enum(CONSULTATION_STATES),
});
export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>;

export const ConsultationViewSchema = ConsultationSummarySchema.extend({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  outcome: ConsultationOutcomeSchema.nullable(),
  closedAt: z.string().nullable(),
  caseId: z.string().nullable(),
});
export type ConsultationView = z.infer<typeof ConsultationViewSchema>;

/** GET /api/consultations */
export const ConsultationsResponseSchema = z.object({ consultations: z.array(ConsultationSummarySchema) });
export type ConsultationsResponse = z.infer<typeof ConsultationsResponseSchema>;
/** GET /api/consultations/:id, POST …/answer */
export const ConsultationResponseSchema = z.object({ consultation: ConsultationViewSchema });
export type ConsultationResponse = z.infer<typeof ConsultationResponseSchema>;

/** POST /api/consultations/:id/answer — the RET answered it: what was advised, and how it ended. */
export const ConsultationAnswerBodySchema = z.strictObject({
  answer: z.string().trim().min(1).max(4000),
  outcome: ConsultationOutcomeSchema,
});
export type ConsultationAnswerBody = z.infer<typeof ConsultationAnswerBodySchema>;

/** POST /api/consultations/:id/convert — a registration (as POST /api/cases) made from the request. */
export const ConsultationConvertBodySchema = CreateCaseBodySchema;
/** POST /api/consultations/:id/convert (201) */
export const ConsultationConvertedResponseSchema = z.object({
  caseId: z.string(),
  consultation: ConsultationViewSchema,
});
export type ConsultationConvertedResponse = z.infer<typeof ConsultationConvertedResponseSchema>;
