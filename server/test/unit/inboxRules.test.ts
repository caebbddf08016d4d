/**
 * The inbox's pure rules: who is mentioned by `@Name`, the mail preference per kind of person (the
 * issue: "Per person: immediately, daily digest, or off (the professional's default: daily; the young
 * person chooses)"), when the daily digest may go out (07:00 Amsterdam), and the items' keys and links.
 */
import { describe, expect, it } from 'vitest';
import { digestDue } from '../../src/inbox/digest.js';
import { breakthroughInvitationItem, noticeItem, ownWordsItem, replyItem } from '../../src/inbox/inboxItems.js';
import { defaultMailPreference, effectiveMailPreference, mailAddress } from '../../src/inbox/mailPreference.js';
import { mentionedUsers } from '../../src/inbox/mentions.js';

const people = [
  { userId: 'p', name: 'Petra Jansen' },
  { userId: 'n', name: 'Noor Jansen' },
  { userId: 'a', name: 'Ali Yilmaz' },
  { userId: 'a2', name: 'Ali de Vries' },
];

describe('mentions (@Name)', () => {
  it('finds a full name, or a first name nobody else on the case has, case-insensitively', () => {
    expect(mentionedUsers('@Petra Jansen, kijk je mee?', people)).toEqual(['p']);
    expect(mentionedUsers('dank @noor!', people)).toEqual(['n']);
    expect(mentionedUsers('@Petra en @Noor Jansen', people)).toEqual(['p', 'n']);
  });
  it('a first name two participants share needs the full name', () => {
    expect(mentionedUsers('@Ali wat vind jij?', people)).toEqual([]);
    expect(mentionedUsers('@Ali de Vries wat vind jij?', people)).toEqual(['a2']);
  });
  it('needs the @ and a word end: no e-mail addresses, no longer names', () => {
    expect(mentionedUsers('Petra Jansen schreef dit', people)).toEqual([]);
    expect(mentionedUsers('@Petrus', people)).toEqual([]);
    expect(mentionedUsers('mail petra@noor.nl', people)).toEqual([]);
  });
});

describe('mail preference', () => {
  it('professional → daily, young person or parent → off until they choose', () => {
    expect(defaultMailPreference('professional')).toBe('daily');
    expect(defaultMailPreference('client')).toBe('off');
    expect(effectiveMailPreference('client', null)).toBe('off');
    expect(effectiveMailPreference('client', 'immediate')).toBe('immediate');
    expect(effectiveMailPreference('professional', 'nonsense')).toBe('daily');
  });
  it('no address, or a disabled account: no mail', () => {
    expect(mailAddress({ email: null, disabled: 0 })).toBeNull();
    expect(mailAddress({ email: '  ', disabled: 0 })).toBeNull();
    expect(mailAddress({ email: 'a@b.nl', disabled: 1 })).toBeNull();
    expect(mailAddress({ email: 'a@b.nl', disabled: 0 })).toBe('a@b.nl');
  });
});

describe('the daily digest time', () => {
  it('from 07:00 Amsterdam, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(digestDue(new Date('2026-01-10T05:59:00Z'))).toBe(false);
    expect(digestDue(new Date('2026-01-10T06:00:00Z'))).toBe(true);
    expect(digestDue(new Date('2026-07-10T04:59:00Z'))).toBe(false);
    expect(digestDue(new Date('2026-07-10T05:00:00Z'))).toBe(true);
  });
});

describe('items', () => {
  it('one key per thing, links into the app, no free text', () => {
    expect(breakthroughInvitationItem('u', 'c', 's', 'x')).toMatchObject({
      key: 'dbt-session:s',
      link: '/zaken/c/doorbraak',
    });
    // Each parent has an own part (002 Bijlage 1: in the words of each person involved).
    expect(ownWordsItem('u', 'c', 'ouder')).toMatchObject({ link: '/zaken/c/analyse#hulpvraag_ouder_u' });
    expect(ownWordsItem('u', 'c', 'gedragswetenschapper')).toBeNull();
    const ref = { id: 'k', caseId: 'c', documentType: 'futurePlan' as const, section: 's', authorRole: 'ouder' };
    expect(replyItem('u', ref)).toMatchObject({ key: 'reply:k', link: '/zaken/c/toekomstplan#s' });
    const notice = { kind: 'commitment-overdue', caseId: 'c', dueAt: 'd', overdue: true, severity: 'urgent' as const };
    expect(noticeItem('u', notice, 'pk')).toMatchObject({ kind: 'commitment-due', key: 'notice:pk' });
  });
});
