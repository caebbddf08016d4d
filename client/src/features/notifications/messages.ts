/** Texts of the notifications bell and list (also used for the clocks on the escalation panel). */
import { messages } from '../../i18n';

export const m = messages({
  nl: {
    bellLabel: 'Meldingen',
    bellCount: (n: number) => (n === 1 ? '1 melding' : `${n} meldingen`),
    bellUrgent: (n: number) => (n === 1 ? 'waarvan 1 dringend' : `waarvan ${n} dringend`),
    panelTitle: 'Meldingen',
    none: 'Geen meldingen. Alle termijnen in je zaken lopen nog.',
    loading: 'Meldingen laden…',
    loadFailed: 'Meldingen konden niet worden geladen.',
    close: 'Sluiten',
    openCase: 'Open de zaak',
    openBreakthrough: 'Naar de doorbraak',
    caseLabel: 'Zaak',
    due: 'Uiterlijk',
    overdueSince: 'Verlopen op',
    newLive: 'Nieuw',
    severity: { urgent: 'Dringend', warning: 'Let op', info: 'Ter info' } as Record<string, string>,
    kinds: {
      'analysis-due': 'Verklarende analyse moet klaar zijn (6 weken na aanmelding)',
      'future-plan-required': 'Toekomstplan nodig vanaf 16 jaar',
      'future-plan-half-year-check': 'Halfjaarcheck toekomstplan',
      'measure-escalation': 'Geen passende hulp 6 weken na de maatregel: direct naar de doorbraakaanpak',
      'no-progress-analysis': '3 maanden hulp zonder vooruitgang: maak (opnieuw) een analyse',
      'commitment-overdue': 'Toezegging van het Doorbraakteam is te laat',
    } as Record<string, string>,
  },
  en: {
    bellLabel: 'Notifications',
    bellCount: (n: number) => (n === 1 ? '1 notification' : `${n} notifications`),
    bellUrgent: (n: number) => `${n} urgent`,
    panelTitle: 'Notifications',
    none: 'No notifications. All deadlines in your cases are still running.',
    loading: 'Loading notifications…',
    loadFailed: 'Notifications could not be loaded.',
    close: 'Close',
    openCase: 'Open the case',
    openBreakthrough: 'To the breakthrough',
    caseLabel: 'Case',
    due: 'Due',
    overdueSince: 'Overdue since',
    newLive: 'New',
    severity: { urgent: 'Urgent', warning: 'Attention', info: 'For information' } as Record<string, string>,
    kinds: {
      'analysis-due': 'Explanatory analysis due (6 weeks after registration)',
      'future-plan-required': 'Future plan needed from 16',
      'future-plan-half-year-check': 'Half-year future plan check',
      'measure-escalation': 'No fitting help 6 weeks after the measure: straight to the breakthrough approach',
      'no-progress-analysis': '3 months of help without progress: make (another) analysis',
      'commitment-overdue': 'A breakthrough team commitment is overdue',
    } as Record<string, string>,
  },
});

export function noticeKindLabel(kind: string): string {
  return m.kinds[kind] ?? kind;
}
