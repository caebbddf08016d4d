import type { MeetingAttendance, MeetingSummary, MeetingView } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import {
  acceptState,
  agendaFromText,
  decodeLink,
  encodeLink,
  linkGroups,
  mayEditReadBack,
  mayManageMeeting,
  sortAttendance,
  sortMeetings,
} from './meetingText';

describe('meeting helpers', () => {
  it('lets the professionals on the case run a meeting, not clients, supporters or directors', () => {
    expect(mayManageMeeting('procesregisseur')).toBe(true);
    expect(mayManageMeeting('gedragswetenschapper')).toBe(true);
    expect(mayManageMeeting('ouder')).toBe(false);
    expect(mayManageMeeting('clientondersteuner')).toBe(false);
    expect(mayManageMeeting('dbt-lid')).toBe(false);
    expect(mayManageMeeting(null)).toBe(false);
  });

  it('gives the read-back to the chair', () => {
    expect(mayEditReadBack({ chairUserId: 'u1' }, 'u1', 'procesregisseur')).toBe(true);
    expect(mayEditReadBack({ chairUserId: 'u1' }, 'u2', 'gedragswetenschapper')).toBe(false);
    expect(mayEditReadBack({ chairUserId: null }, 'u2', 'gedragswetenschapper')).toBe(true);
    expect(mayEditReadBack({ chairUserId: null }, 'u3', 'ouder')).toBe(false);
  });

  it('offers only the sections a meeting may write in, with titles', () => {
    const groups = linkGroups('nl');
    const analysis = groups.find((g) => g.document === 'analysis');
    expect(analysis?.sections.map((s) => s.id)).toContain('aanknopingspunten');
    expect(analysis?.sections.map((s) => s.id)).not.toContain('hulpvraag_jeugdige');
    expect(analysis?.sections.map((s) => s.id)).not.toContain('hypothesen');
    expect(analysis?.sections.find((s) => s.id === 'aanknopingspunten')?.title).toBe(
      'Aanknopingspunten en passende aanpak',
    );
    const plan = groups.find((g) => g.document === 'futurePlan');
    expect(plan?.sections.map((s) => s.id)).toContain('domein_wonen');
    expect(plan?.sections.map((s) => s.id)).not.toContain('toekomstbeeld_jeugdige');
  });

  it('encodes and decodes a link, refusing sections that cannot hold items', () => {
    const value = encodeLink({ document: 'analysis', section: 'aanknopingspunten' });
    expect(decodeLink(value)).toEqual({ document: 'analysis', section: 'aanknopingspunten' });
    expect(decodeLink('analysis:hulpvraag_jeugdige')).toBeNull();
    expect(decodeLink('meetingNotes:notulen')).toBeNull();
    expect(decodeLink('')).toBeNull();
  });

  it('turns agenda text into items', () => {
    expect(agendaFromText(' 1. Opening\n\n- Analyse bespreken \n• Afspraken\n')).toEqual([
      'Opening',
      'Analyse bespreken',
      'Afspraken',
    ]);
    expect(agendaFromText(Array.from({ length: 40 }, (_, i) => `punt ${i}`).join('\n'))).toHaveLength(30);
  });

  it('sorts attendance: present and online first', () => {
    const a = (name: string, present: boolean, online: boolean): MeetingAttendance => ({
      userId: name,
      name,
      role: 'ouder',
      via: 'presence',
      present,
      online,
    });
    expect(
      sortAttendance([a('Zoë', false, false), a('Bram', true, false), a('Anna', true, true)]).map((x) => x.name),
    ).toEqual(['Anna', 'Bram', 'Zoë']);
  });

  it('sorts meetings: live, upcoming, ended', () => {
    const s = (id: string, status: MeetingSummary['status'], at: string): MeetingSummary => ({
      id,
      caseId: 'c',
      title: id,
      scheduledAt: at,
      status,
    });
    expect(
      sortMeetings([
        s('old', 'ended', '2026-01-01T10:00:00Z'),
        s('later', 'scheduled', '2026-03-01T10:00:00Z'),
        s('now', 'live', '2026-02-01T10:00:00Z'),
        s('soon', 'scheduled', '2026-02-10T10:00:00Z'),
        s('older', 'ended', '2025-12-01T10:00:00Z'),
      ]).map((x) => x.id),
    ).toEqual(['now', 'soon', 'later', 'old', 'older']);
  });

  it('takes a meeting:state only for this meeting', () => {
    const view = { id: 'm1' } as MeetingView;
    expect(acceptState(null, view, 'm1')).toBe(view);
    expect(acceptState(view, { id: 'm2' } as MeetingView, 'm1')).toBe(view);
  });
});
