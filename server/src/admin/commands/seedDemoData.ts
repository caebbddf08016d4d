/**
 * The demo's people and cases. Fictional names and organisations (marked "demo"), in the shape of a
 * Noord-Holland RET case: e-mail logins on the reserved .example domain so nothing can reach a real inbox.
 */
import type { CaseStatus, ProblemCategory, Region, Role } from '@samenspraak/shared';

export const DEMO_ORGANISATIONS = [
  { name: 'GI Jeugdbescherming Noord-Holland (demo)', kind: 'gi' },
  { name: 'Jeugdhulp De Duinen (demo)', kind: 'jeugdhulpaanbieder' },
  { name: 'Lokaal team Alkmaar (demo)', kind: 'lokaal-team' },
  { name: 'Samenwerkingsverband VO Noord-Kennemerland (demo)', kind: 'samenwerkingsverband' },
  { name: 'Regionaal Expertteam Noord-Holland Noord (demo)', kind: 'ret' },
  { name: 'BEN-NH (demo)', kind: 'ben-nh' },
  { name: 'Gemeente Alkmaar (demo)', kind: 'gemeente' },
  { name: 'Onafhankelijke cliëntondersteuning (demo)', kind: 'clientondersteuning' },
  { name: 'Praktijk onafhankelijk GZ-psycholoog (demo)', kind: 'gz-psycholoog' },
] as const;

type OrgName = (typeof DEMO_ORGANISATIONS)[number]['name'];
const org = (kind: (typeof DEMO_ORGANISATIONS)[number]['kind']): OrgName =>
  DEMO_ORGANISATIONS.find((o) => o.kind === kind)!.name;

/** The region of the demo's professionals: Bert Beheer is its functioneel beheerder. */
export const DEMO_REGION: Region = 'Alkmaar (Noord-Kennemerland)';

export const DEMO_PROFESSIONALS: ReadonlyArray<{ login: string; name: string; role: Role; organisation: OrgName }> = [
  { login: 'ria.de.graaf@ret.example', name: 'Ria de Graaf', role: 'procesregisseur', organisation: org('ret') },
  {
    login: 'gert.bakker@deduinen.example',
    name: 'Gert Bakker',
    role: 'gedragswetenschapper',
    organisation: org('jeugdhulpaanbieder'),
  },
  {
    login: 'pien.smit@deduinen.example',
    name: 'Pien Smit',
    role: 'jeugdhulpaanbieder',
    organisation: org('jeugdhulpaanbieder'),
  },
  { login: 'gijs.meijer@gi.example', name: 'Gijs Meijer', role: 'jeugdbeschermer', organisation: org('gi') },
  { login: 'lotte.vos@lokaalteam.example', name: 'Lotte Vos', role: 'lokaal-team', organisation: org('lokaal-team') },
  {
    login: 'olga.peters@swv.example',
    name: 'Olga Peters',
    role: 'onderwijsconsulent',
    organisation: org('samenwerkingsverband'),
  },
  {
    login: 'chris.mulder@clientondersteuning.example',
    name: 'Chris Mulder',
    role: 'clientondersteuner',
    organisation: org('clientondersteuning'),
  },
  { login: 'bas.kok@ben-nh.example', name: 'Bas Kok', role: 'ben-adviseur', organisation: org('ben-nh') },
  {
    login: 'dirk.jacobs@deduinen.example',
    name: 'Dirk Jacobs',
    role: 'dbt-lid',
    organisation: org('jeugdhulpaanbieder'),
  },
  { login: 'greet.hendriks@alkmaar.example', name: 'Greet Hendriks', role: 'gemeente', organisation: org('gemeente') },
  { login: 'bert.beheer@ret.example', name: 'Bert Beheer', role: 'beheerder', organisation: org('ret') },
  {
    login: 'fatima.gz@gz.example',
    name: 'Fatima el Amrani',
    role: 'gz-psycholoog',
    organisation: org('gz-psycholoog'),
  },
];

export const DEMO_CLIENTS = [
  { login: 'daan.visser', name: 'Daan Visser' },
  { login: 'marieke.visser', name: 'Marieke Visser' },
  { login: 'sanne.de.boer', name: 'Sanne de Boer' },
  { login: 'henk.de.boer', name: 'Henk de Boer' },
] as const;

export interface DemoCase {
  id: string;
  name: string;
  /** Age as [years, extra days] at the moment of seeding. */
  age: [number, number];
  municipality: string;
  region: Region;
  status: CaseStatus;
  parentsConsent: boolean;
  registeredBy: string;
  /** Login of the team member who registered the case: they invite the young person and parents. */
  registrant: string;
  problems: ProblemCategory[];
  attendsSchool: boolean;
  team: ReadonlyArray<readonly [string, Role]>;
}

export const DEMO_CASES: readonly DemoCase[] = [
  {
    id: 'demo-alkmaar-daan',
    name: 'Daan Visser',
    age: [14, 120],
    municipality: 'Alkmaar',
    region: 'Alkmaar (Noord-Kennemerland)',
    status: 'analyse_en_planvorming',
    parentsConsent: false,
    registeredBy: 'lokaal-team',
    registrant: 'lotte.vos@lokaalteam.example',
    problems: ['schoolverzuim', 'gezin'],
    attendsSchool: false,
    team: [
      ['ria.de.graaf@ret.example', 'procesregisseur'],
      ['gert.bakker@deduinen.example', 'gedragswetenschapper'],
      ['olga.peters@swv.example', 'onderwijsconsulent'],
      ['lotte.vos@lokaalteam.example', 'lokaal-team'],
      ['pien.smit@deduinen.example', 'jeugdhulpaanbieder'],
      ['daan.visser', 'jeugdige'],
      ['marieke.visser', 'ouder'],
    ],
  },
  {
    id: 'demo-westfriesland-sanne',
    name: 'Sanne de Boer',
    age: [16, 183],
    municipality: 'Hoorn',
    region: 'West-Friesland',
    status: 'monitoring',
    // From 16 the parents need Sanne's consent; in the demo she gave it.
    parentsConsent: true,
    registeredBy: 'gi',
    registrant: 'gijs.meijer@gi.example',
    problems: ['onveiligheid', 'dreigende-uithuisplaatsing'],
    attendsSchool: true,
    team: [
      ['ria.de.graaf@ret.example', 'procesregisseur'],
      ['gert.bakker@deduinen.example', 'gedragswetenschapper'],
      ['olga.peters@swv.example', 'onderwijsconsulent'],
      ['lotte.vos@lokaalteam.example', 'lokaal-team'],
      ['gijs.meijer@gi.example', 'jeugdbeschermer'],
      ['chris.mulder@clientondersteuning.example', 'clientondersteuner'],
      ['bas.kok@ben-nh.example', 'ben-adviseur'],
      ['sanne.de.boer', 'jeugdige'],
      ['henk.de.boer', 'ouder'],
    ],
  },
];

export interface DemoMeeting {
  id: string;
  caseId: string;
  title: string;
  /** Days after seeding; at 13:00 UTC (14:00 in winter, 15:00 in summer in Noord-Holland). */
  inDays: number;
  agenda: string[];
  /** Logins of the invitees (all on the case). */
  invitees: string[];
  /** Login of who scheduled it. */
  scheduledBy: string;
}

export const DEMO_MEETINGS: readonly DemoMeeting[] = [
  {
    id: 'demo-mdo-daan-1',
    caseId: 'demo-alkmaar-daan',
    title: 'MDO Daan: weer naar school',
    inDays: 7,
    agenda: [
      'Wat Daan en zijn moeder willen (hun eigen woorden)',
      'Verklarende analyse: de hypothesen over het schoolverzuim',
      'Afspraken over terugkeer naar school',
      'Volgende evaluatie',
    ],
    invitees: [
      'ria.de.graaf@ret.example',
      'gert.bakker@deduinen.example',
      'olga.peters@swv.example',
      'lotte.vos@lokaalteam.example',
      'daan.visser',
      'marieke.visser',
    ],
    scheduledBy: 'ria.de.graaf@ret.example',
  },
];
