/**
 * The future plan's records (server/src/plan/) in the dossier PDF: per life domain what was written
 * (situation, goal, service, who pays now and from 18, the switch, the young person's own comment), the
 * BIG5, the supporter and the moves. The words are those of the plan page (client/src/features/plan).
 */
import type {
  Big5Item,
  Big5Status,
  Funder,
  FuturePlanRecord,
  MoveReason,
  PlanDomain,
  PlanDomainView,
  SupporterKind,
} from '@samenspraak/shared';
import type { PdfBlock } from '../documents/pdfWriter.js';

const DOMAINS: Record<PlanDomain, string> = {
  wonen: 'Wonen',
  onderwijs: 'School en opleiding',
  werk: 'Werk en dagbesteding',
  inkomen: 'Inkomen en schulden',
  zorg: 'Zorg en welzijn',
  netwerk: 'Netwerk, relaties en vrije tijd',
  juridisch: 'Juridisch en veiligheid',
};

const FUNDERS: Record<Funder, string> = {
  Jeugdwet: 'Jeugdwet (gemeente)',
  Wmo: 'Wmo (gemeente)',
  Zvw: 'Zorgverzekeringswet',
  Wlz: 'Wet langdurige zorg',
  Participatiewet: 'Participatiewet',
  'verlengde-jeugdhulp-21': 'Verlengde jeugdhulp tot 21',
  'verlengde-jeugdhulp-23': 'Verlengde jeugdhulp tot 23',
  onderwijs: 'Onderwijs (samenwerkingsverband)',
  geen: 'Geen',
};

const BIG5: Record<Big5Item, string> = {
  steun: 'Steun (netwerk, vertrouwenspersoon)',
  wonen: 'Wonen',
  werkSchool: 'Werk of school',
  inkomen: 'Inkomen en schulden',
  zorg: 'Zorg',
};

const BIG5_STATUS: Record<Big5Status, string> = {
  stabiel: 'stabiel',
  nog_niet: 'nog niet',
  nvt: 'niet van toepassing',
};

const SUPPORTERS: Record<SupporterKind, string> = {
  jim: 'JIM (jouw ingebrachte mentor)',
  clientondersteuner: 'Onafhankelijke cliëntondersteuner',
  jeugdregisseur: 'Jeugdregisseur',
  resourcegroep: 'Resourcegroep',
};

const MOVE_REASONS: Record<MoveReason, string> = {
  eigen_keuze: 'eigen keuze van de jongere',
  zorgbehoefte: 'de zorg die nodig is',
  veiligheid: 'veiligheid',
  opleiding_werk: 'opleiding of werk',
  anders: 'anders',
};

const para = (text: string, indent = 0): PdfBlock => ({ kind: 'paragraph', text, indent });

function written(d: PlanDomainView): boolean {
  return Boolean(
    d.situation ||
      d.goal ||
      d.service ||
      d.funderNow ||
      d.funderFrom18 ||
      d.switchArrangedOn ||
      d.switchContact ||
      d.youthComment,
  );
}

function domainBlocks(d: PlanDomainView, date: (iso: string) => string): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 2, text: DOMAINS[d.domain], gap: 8 }];
  const line = (label: string, value: string) => {
    if (value) blocks.push(para(`${label}: ${value}`));
  };
  line('Hoe gaat het nu?', d.situation);
  line('Doel', d.goal);
  line('Welke hulp is nodig?', d.service);
  if (d.funderNow || d.funderFrom18) {
    const now = d.funderNow ? FUNDERS[d.funderNow] : 'nog niet bekend';
    const later = d.funderFrom18 ? FUNDERS[d.funderFrom18] : 'nog niet bekend';
    blocks.push(para(`Wie betaalt: nu ${now}; vanaf 18 ${later}`));
  }
  if (d.switchArrangedOn || d.switchContact) {
    const on = d.switchArrangedOn ? ` op ${date(d.switchArrangedOn)}` : '';
    const contact = d.switchContact ? `, contactpersoon ${d.switchContact}` : '';
    blocks.push(para(`Overstap geregeld${on}${contact}`));
  }
  line('Jouw reactie', d.youthComment);
  if (d.updatedAt && d.updatedByName)
    blocks.push(para(`Laatst gewijzigd door ${d.updatedByName}, ${date(d.updatedAt)}`, 12));
  return blocks;
}

/** The blocks for the plan's records; `date` writes a date as the rest of the PDF does. */
export function futurePlanBlocks(plan: FuturePlanRecord, date: (iso: string) => string): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: 'Afspraken per levensgebied en de overgang naar 18', pageBreak: true },
    para(`Op ${date(plan.eighteenOn)} word je 18.`),
  ];
  const domains = plan.domains.filter(written);
  if (domains.length === 0) blocks.push(para('Er is nog niets per levensgebied opgeschreven.'));
  for (const d of domains) blocks.push(...domainBlocks(d, date));

  blocks.push({ kind: 'heading', level: 2, text: 'BIG5: vijf dingen die op orde moeten zijn', gap: 8 });
  blocks.push({
    kind: 'list',
    items: plan.big5.map((b) => {
      const status = b.confirmed ?? b.derived;
      const by = b.confirmed && b.confirmedByName ? ` (bevestigd door ${b.confirmedByName})` : '';
      return `${BIG5[b.item]}: ${BIG5_STATUS[status]}${by}`;
    }),
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Wie steunt jou?', gap: 8 });
  blocks.push(
    para(
      plan.supporterKind || plan.supporterName
        ? [plan.supporterKind ? SUPPORTERS[plan.supporterKind] : '', plan.supporterName].filter(Boolean).join(': ')
        : 'Nog niemand genoemd.',
    ),
  );

  blocks.push({ kind: 'heading', level: 2, text: 'Verhuizingen', gap: 8 });
  if (plan.moves.length === 0) blocks.push(para('Geen verhuizing vastgelegd.'));
  for (const m of plan.moves) {
    const to = m.newAddressKind ? ` naar ${m.newAddressKind}` : '';
    const reason = m.reason ? `; reden: ${MOVE_REASONS[m.reason]}` : '';
    const why = m.explanation ? ` (${m.explanation})` : '';
    const near = m.nearEighteen ? '; rond je 18e verjaardag' : '';
    blocks.push(
      para(`Verhuisd op ${date(m.movedOn)}${to}${reason}${why}${near} — vastgelegd door ${m.recordedByName}`),
    );
  }
  return blocks;
}
