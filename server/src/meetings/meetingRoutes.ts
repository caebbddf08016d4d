/**
 * Case meetings (MDO): thin routes — validate the body (400 before anything is read or written), enter
 * the case through the gate (which logs refusals), run the command (which logs its outcome), tell the
 * live channel, present. Everyone with access to the case reads its meetings; professionals on the
 * case schedule, chair and record them.
 */
import {
  ManualAttendanceBodySchema,
  MeetingChairBodySchema,
  MeetingItemBodySchema,
  MeetingItemResponseSchema,
  MeetingReadBackBodySchema,
  MeetingResponseSchema,
  MeetingsResponseSchema,
  MeetingVoiceHeardBodySchema,
  ScheduleMeetingBodySchema,
  SECTIONS,
  StartMeetingBodySchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { CaseScope, GateRule } from '../cases/caseGate.js';
import { firstName } from '../cases/caseQueries.js';
import { httpGate } from '../cases/httpGate.js';
import { currentDoc } from '../documents/content.js';
import { documentSections } from '../documents/sections.js';
import { effectiveSections } from '../domain/caseAccess.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import type { AppServices } from '../services.js';
import {
  addAttendance,
  addItem,
  endMeeting,
  MEETING_POLICIES,
  meetingOr404,
  scheduleMeeting,
  setChair,
  setReadBack,
  setVoiceHeard,
  startMeeting,
} from './meetingCommands.js';
import { listMeetings, type MeetingRow } from './meetingRecords.js';
import { buildMeetingView, notesDocumentId, summarise } from './meetingView.js';
import { minutesMarkdown } from './minutes.js';

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

export function meetingRoutes(services: AppServices): Router {
  const router = Router();
  const base = '/cases/:caseId/meetings';
  const one = `${base}/:meetingId`;
  const gate = httpGate(services);
  const enter = (req: Request, res: Response, rule: GateRule) => gate.enterCase(req, res, param(req, 'caseId'), rule);
  const view = async (meeting: MeetingRow) => {
    const online = await services.caseEvents.meetingOnline(meeting.id);
    return buildMeetingView(services, meeting, new Set(online.map((p) => p.userId)));
  };
  /** After a change: tell the case and the meeting's room, answer with the meeting as it is now. */
  const changedAndView = async (scope: CaseScope, meetingId: string) => {
    services.caseEvents.changed({ caseId: scope.caseId, kind: 'meetings', meetingId });
    return { meeting: await view(await meetingOr404(services, scope, meetingId)) };
  };
  /** A write route: logged in (401), then the body (400 before any read or write), then the gate, then the command. */
  const write = (req: Request, res: Response) => enter(req, res, MEETING_POLICIES.manage);

  router.get(base, async (req, res) => {
    const scope = await enter(req, res, MEETING_POLICIES.read);
    const meetings = await listMeetings(services.db, scope.caseId);
    await scope.log('read', 'success', 'meetings');
    reply(res, MeetingsResponseSchema, { meetings: meetings.map(summarise) });
  });

  router.post(base, async (req, res) => {
    actorOf(res);
    const body = parseBody(ScheduleMeetingBodySchema, req.body);
    const scope = await enter(req, res, MEETING_POLICIES.schedule);
    const meeting = await scheduleMeeting(services, scope, body);
    reply(res, MeetingResponseSchema, await changedAndView(scope, meeting.id), 201);
  });

  router.get(one, async (req, res) => {
    const scope = await enter(req, res, MEETING_POLICIES.read);
    const meeting = await meetingOr404(services, scope, param(req, 'meetingId'));
    await scope.log('read', 'success', `meeting ${meeting.id}`);
    reply(res, MeetingResponseSchema, { meeting: await view(meeting) });
  });

  router.post(`${one}/start`, async (req, res) => {
    actorOf(res);
    const body = parseBody(StartMeetingBodySchema, req.body);
    const scope = await write(req, res);
    const meetingId = param(req, 'meetingId');
    const online = await services.caseEvents.meetingOnline(meetingId);
    await startMeeting(services, scope, meetingId, body.chairUserId, online);
    reply(res, MeetingResponseSchema, await changedAndView(scope, meetingId));
  });

  router.post(`${one}/end`, async (req, res) => {
    actorOf(res);
    const scope = await write(req, res);
    await endMeeting(services, scope, param(req, 'meetingId'));
    reply(res, MeetingResponseSchema, await changedAndView(scope, param(req, 'meetingId')));
  });

  router.put(`${one}/chair`, async (req, res) => {
    actorOf(res);
    const body = parseBody(MeetingChairBodySchema, req.body);
    const scope = await write(req, res);
    await setChair(services, scope, param(req, 'meetingId'), body.chairUserId);
    reply(res, MeetingResponseSchema, await changedAndView(scope, param(req, 'meetingId')));
  });

  router.post(`${one}/attendance`, async (req, res) => {
    actorOf(res);
    const body = parseBody(ManualAttendanceBodySchema, req.body);
    const scope = await write(req, res);
    await addAttendance(services, scope, param(req, 'meetingId'), body);
    reply(res, MeetingResponseSchema, await changedAndView(scope, param(req, 'meetingId')), 201);
  });

  router.post(`${one}/items`, async (req, res) => {
    actorOf(res);
    const body = parseBody(MeetingItemBodySchema, req.body);
    const scope = await write(req, res);
    const item = await addItem(services, scope, param(req, 'meetingId'), body);
    reply(res, MeetingItemResponseSchema, { item, ...(await changedAndView(scope, param(req, 'meetingId'))) }, 201);
  });

  router.put(`${one}/read-back`, async (req, res) => {
    actorOf(res);
    const body = parseBody(MeetingReadBackBodySchema, req.body);
    const scope = await write(req, res);
    await setReadBack(services, scope, param(req, 'meetingId'), body.text);
    reply(res, MeetingResponseSchema, await changedAndView(scope, param(req, 'meetingId')));
  });

  router.put(`${one}/voice-heard`, async (req, res) => {
    actorOf(res);
    const body = parseBody(MeetingVoiceHeardBodySchema, req.body);
    const scope = await write(req, res);
    await setVoiceHeard(services, scope, param(req, 'meetingId'), body.heard, body.note);
    reply(res, MeetingResponseSchema, await changedAndView(scope, param(req, 'meetingId')));
  });

  router.get(`${one}/minutes.md`, async (req, res) => {
    const scope = await enter(req, res, { ...MEETING_POLICIES.read, event: 'export', what: 'meeting minutes' });
    const meeting = await meetingOr404(services, scope, param(req, 'meetingId'));
    const readable = effectiveSections(scope.facts, 'meetingNotes', scope.role, scope.now);
    const doc = await currentDoc(services, notesDocumentId(meeting));
    let notes: Array<{ title: string; text: string }>;
    try {
      const sections = documentSections(doc, 'meetingNotes');
      notes = SECTIONS.meetingNotes
        .filter((s) => readable[s.id] !== 'none')
        .map((s) => {
          const section = sections[s.id];
          return { title: s.title.nl, text: section?.content === 'richText' ? section.text : '' };
        });
    } finally {
      doc.destroy();
    }
    const meetingView = await view(meeting);
    const chair = meeting.chair_user_id
      ? await services.db.selectFrom('users').select('name').where('id', '=', meeting.chair_user_id).executeTakeFirst()
      : undefined;
    const markdown = minutesMarkdown({
      view: meetingView,
      caseFirstName: firstName(scope.row.young_person_name),
      chairName: chair?.name ?? null,
      notes,
    });
    await scope.log('export', 'success', `meeting ${meeting.id} minutes`);
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="verslag-${meeting.id}.md"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(markdown);
  });

  return router;
}
