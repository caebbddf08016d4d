/**
 * Texts of the case documents (analysis, future plan, meeting notes). The young person and the parents
 * read these pages too: short sentences, everyday words (B1), "je" and "jij".
 */
import type { DocumentType } from '@samenspraak/shared';
import { messages } from '../../i18n';
import { commentTexts } from './commentMessages';
import { itemTexts } from './itemMessages';

interface DocumentMessages {
  docTitle: Record<DocumentType, string>;
  headingOf: (title: string, firstName: string) => string;
  intro: Record<DocumentType, string>;
  breadcrumb: string;
  breadcrumbCases: string;
  loading: string;
  loadFailed: string;
  notFound: string;
  retry: string;
  connecting: string;
  /** Section hints: what belongs in a section, per document type and section id. */
  hints: Record<DocumentType, Record<string, string>>;
  ownWordsOf: (whose: string) => string;
  ownWordsYours: string;
  ownWordsJeugdige: string;
  ownWordsOuder: string;
  mayEdit: string;
  mayComment: string;
  mayRead: string;
  sideLabel: string;
  sectionsNav: string;
  // Editor
  toolbarLabel: (title: string) => string;
  bold: string;
  italic: string;
  bulletList: string;
  orderedList: string;
  editorEmptyReadOnly: string;
  editorLoading: string;
  indent: string;
  outdent: string;
  // Connection
  deniedTitle: string;
  deniedSession: string;
  deniedAccess: string;
  deniedUnsaved: string;
  panelFailed: string;
  panelFailedBody: string;
  reloadedTitle: string;
  reloadedBody: (reason: string) => string;
  reloadAgain: string;
  dismiss: string;
}

const nl: DocumentMessages = {
  docTitle: { analysis: 'Verklarende analyse', futurePlan: 'Toekomstplan', meetingNotes: 'Verslag van het overleg' },
  headingOf: (title, firstName) => `${title} van ${firstName}`,
  intro: {
    analysis:
      'Hier schrijven we samen op wat er speelt, waarom het gebeurt en wat kan helpen. Wat iemand typt, zie je meteen.',
    futurePlan:
      'Het plan voor de tijd rond je 18e verjaardag: wonen, school, werk, geld, zorg en wie je helpt. Wat iemand typt, zie je meteen.',
    meetingNotes: 'De aantekeningen van dit overleg. Wat iemand typt, zie je meteen.',
  },
  breadcrumb: 'Kruimelpad',
  breadcrumbCases: 'Mijn zaken',
  loading: 'Document laden…',
  loadFailed: 'Het document kan nu niet worden geopend.',
  notFound: 'Dit document bestaat niet, of je hebt er geen toegang toe.',
  retry: 'Opnieuw proberen',
  connecting: 'Verbinding maken…',
  hints: {
    analysis: {
      hulpvraag_jeugdige:
        'Schrijf hier in je eigen woorden: waar maak je je zorgen over? Wat wil je anders? Wat is voor jou het belangrijkst?',
      hulpvraag_ouders:
        'Ouders schrijven hier in hun eigen woorden: wat zijn jullie zorgen? Wat willen jullie graag? Wat moet eerst?',
      hulpvraag_professionals:
        'De verwijzer en de professionals: welke zorgen en vragen zien zij, en wat vinden zij het belangrijkst?',
      hulp_tot_nu: 'Welke hulp was er al? Wat hielp wel, en wat niet?',
      problemen_en_krachten:
        'Wat gaat moeilijk en wat gaat goed? Denk aan ontwikkeling, opvoeding, gezin, school, vrienden, wonen en geld. Schrijf ook op wat helpt en beschermt.',
      veiligheid: 'Is iedereen veilig? Wat zijn de risico’s, en wat is afgesproken om veilig te blijven?',
      hypothesen:
        'Verklaringen die we samen bedenken: waarom ontstaan de problemen, waarom blijven ze, wanneer worden ze erger of minder? Zet bij elke verklaring wat erop wijst. Iedereen kan zeggen of hij het ermee eens is.',
      verschillen_van_inzicht:
        'Waar denken mensen verschillend over? Schrijf dat hier op. Verschillen mogen blijven staan.',
      aanknopingspunten: 'Wat kan helpen? Welke doelen spreken we af, en welke hulp past daarbij?',
      evaluatie: 'Wanneer kijken we samen of het werkt? En waaraan zien we dat?',
    },
    futurePlan: {
      toekomstbeeld_jeugdige:
        'Hoe zie jij je leven als je 18 bent, en daarna? Waar wil je wonen, wat wil je doen, wie zijn belangrijk voor je? Schrijf het in je eigen woorden.',
      regie_en_steun:
        'Wie houdt het overzicht? Wie steunt jou, bijvoorbeeld een cliëntondersteuner of een JIM: iemand die je zelf kiest.',
      domein_wonen: 'Waar woon je nu, en waar wil je wonen na je 18e? Wat moet daarvoor gebeuren?',
      domein_onderwijs: 'Welke school of opleiding doe je? Wat is je doel, en wat heb je nodig om dat te halen?',
      domein_werk: 'Heb je werk, een bijbaan of dagbesteding? Wat wil je, en wat is daarvoor nodig?',
      domein_inkomen:
        'Geld en papieren: ID-kaart, bankrekening, zorgverzekering, toeslagen of uitkering. Zijn er schulden?',
      domein_zorg:
        'Welke zorg of hulp heb je nu? Wat heb je na je 18e nodig, en wie regelt de overstap naar zorg voor volwassenen?',
      domein_netwerk: 'Wie zijn belangrijk voor je: familie, vrienden, een relatie? Wat doe je in je vrije tijd?',
      domein_juridisch:
        'Zijn er afspraken met de rechter, de politie of de jeugdbescherming? Wat moet geregeld zijn voor je veiligheid?',
      risicos: 'Wat kan er misgaan rond je 18e verjaardag? En wat doen we dan?',
      checklist_18: 'Wat moet klaar zijn voor je 18e verjaardag? Vink af wat geregeld is.',
      evaluatie:
        'Wanneer kijken we samen naar dit plan? Minstens elk half jaar. De hulp stopt pas als steun, wonen, school of werk, geld en zorg goed geregeld zijn.',
    },
    meetingNotes: {
      agenda: 'Welke onderwerpen bespreken we?',
      inbreng_jeugdige: 'Wat wil jij zeggen in het overleg? Schrijf het in je eigen woorden.',
      inbreng_ouders: 'Wat willen ouders zeggen in het overleg? In jullie eigen woorden.',
      notulen: 'Wat is besproken en wat is besloten? Besluiten horen ook in de analyse of het plan.',
    },
  },
  ownWordsOf: (whose) => `In eigen woorden van ${whose}`,
  ownWordsYours: 'In je eigen woorden',
  ownWordsJeugdige: 'de jongere',
  ownWordsOuder: 'ouders',
  mayEdit: 'Je kunt dit deel aanpassen.',
  mayComment: 'Je kunt dit deel lezen en erop reageren.',
  mayRead: 'Je kunt dit deel alleen lezen.',
  sideLabel: 'Over dit document',
  sectionsNav: 'Delen van dit document',
  toolbarLabel: (title) => `Opmaak: ${title}`,
  bold: 'Vet',
  italic: 'Schuin',
  bulletList: 'Opsomming',
  orderedList: 'Genummerde lijst',
  editorEmptyReadOnly: 'Hier staat nog niets.',
  editorLoading: 'Tekst laden…',
  indent: 'Inspringen',
  outdent: 'Uitspringen',
  deniedTitle: 'Je kunt nu niet meer meewerken aan dit document',
  deniedSession: 'Je bent niet meer ingelogd. Log opnieuw in en open het document weer.',
  deniedAccess: 'Je toegang tot dit document is veranderd of gestopt.',
  deniedUnsaved: 'Je laatste wijzigingen zijn niet opgeslagen. Kopieer je tekst als je die wilt bewaren.',
  panelFailed: 'Dit deel kan nu niet worden getoond',
  panelFailedBody: 'Het document zelf werkt gewoon. Laad de pagina later opnieuw.',
  reloadedTitle: 'Je laatste wijziging is niet opgeslagen',
  reloadedBody: (reason) => `${reason} We hebben het document opnieuw geladen zoals het nu is opgeslagen.`,
  reloadAgain: 'Laad het document opnieuw',
  dismiss: 'Sluiten',
};

const en: DocumentMessages = {
  docTitle: { analysis: 'Explanatory analysis', futurePlan: 'Future plan', meetingNotes: 'Meeting notes' },
  headingOf: (title, firstName) => `${title} of ${firstName}`,
  intro: {
    analysis:
      'Here we write down together what is going on, why it happens and what can help. What someone types, you see right away.',
    futurePlan:
      'The plan for the time around your 18th birthday: housing, school, work, money, care and who helps you. What someone types, you see right away.',
    meetingNotes: 'The notes of this meeting. What someone types, you see right away.',
  },
  breadcrumb: 'Breadcrumb',
  breadcrumbCases: 'My cases',
  loading: 'Loading document…',
  loadFailed: 'The document cannot be opened right now.',
  notFound: 'This document does not exist, or you have no access to it.',
  retry: 'Try again',
  connecting: 'Connecting…',
  hints: {
    analysis: {
      hulpvraag_jeugdige:
        'Write here in your own words: what worries you? What do you want to change? What matters most to you?',
      hulpvraag_ouders:
        'Parents write here in their own words: what are your worries? What would you like? What comes first?',
      hulpvraag_professionals:
        'The referrer and the professionals: which worries and questions do they see, and what matters most to them?',
      hulp_tot_nu: 'What help was there already? What helped, and what did not?',
      problemen_en_krachten:
        'What is hard and what goes well? Think of development, parenting, family, school, friends, housing and money. Also write what helps and protects.',
      veiligheid: 'Is everyone safe? What are the risks, and what has been agreed to stay safe?',
      hypothesen:
        'Explanations we make together: why do the problems arise, persist, get worse or lessen? Add what points to each one. Everyone can say whether they agree.',
      verschillen_van_inzicht: 'Where do people see things differently? Write it down here. Differences may stay.',
      aanknopingspunten: 'What can help? Which goals do we agree, and which help fits them?',
      evaluatie: 'When do we look together at whether it works? And how will we see that?',
    },
    futurePlan: {
      toekomstbeeld_jeugdige:
        'How do you see your life when you are 18, and after? Where do you want to live, what do you want to do, who matters to you? Write it in your own words.',
      regie_en_steun:
        'Who keeps the overview? Who supports you, for example a client supporter or a JIM: someone you choose yourself.',
      domein_wonen: 'Where do you live now, and where do you want to live after 18? What needs to happen for that?',
      domein_onderwijs: 'Which school or training do you follow? What is your goal, and what do you need to reach it?',
      domein_werk: 'Do you have work, a side job or day activities? What do you want, and what is needed?',
      domein_inkomen: 'Money and papers: ID card, bank account, health insurance, allowances or benefits. Any debts?',
      domein_zorg:
        'Which care or help do you have now? What do you need after 18, and who arranges the move to adult care?',
      domein_netwerk: 'Who matters to you: family, friends, a partner? What do you do in your free time?',
      domein_juridisch:
        'Are there arrangements with the court, the police or child protection? What is needed for your safety?',
      risicos: 'What could go wrong around your 18th birthday? And what do we do then?',
      checklist_18: 'What must be ready before your 18th birthday? Tick what has been arranged.',
      evaluatie:
        'When do we look at this plan together? At least every six months. Help only stops when support, housing, school or work, money and care are stable.',
    },
    meetingNotes: {
      agenda: 'Which topics do we discuss?',
      inbreng_jeugdige: 'What do you want to say in the meeting? Write it in your own words.',
      inbreng_ouders: 'What do the parents want to say in the meeting? In your own words.',
      notulen: 'What was discussed and decided? Decisions also belong in the analysis or the plan.',
    },
  },
  ownWordsOf: (whose) => `In the own words of ${whose}`,
  ownWordsYours: 'In your own words',
  ownWordsJeugdige: 'the young person',
  ownWordsOuder: 'the parents',
  mayEdit: 'You can change this part.',
  mayComment: 'You can read this part and comment on it.',
  mayRead: 'You can only read this part.',
  sideLabel: 'About this document',
  sectionsNav: 'Parts of this document',
  toolbarLabel: (title) => `Formatting: ${title}`,
  bold: 'Bold',
  italic: 'Italic',
  bulletList: 'Bullet list',
  orderedList: 'Numbered list',
  editorEmptyReadOnly: 'Nothing here yet.',
  editorLoading: 'Loading text…',
  indent: 'Indent',
  outdent: 'Outdent',
  deniedTitle: 'You can no longer work on this document',
  deniedSession: 'You are no longer logged in. Log in again and reopen the document.',
  deniedAccess: 'Your access to this document has changed or ended.',
  deniedUnsaved: 'Your latest changes were not saved. Copy your text if you want to keep it.',
  panelFailed: 'This part cannot be shown right now',
  panelFailedBody: 'The document itself works as usual. Reload the page later.',
  reloadedTitle: 'Your last change was not saved',
  reloadedBody: (reason) => `${reason} We reloaded the document as it is saved now.`,
  reloadAgain: 'Reload the document',
  dismiss: 'Close',
};

/** All texts of the feature: the document's own, the comments' and the item sections'. */
export const m = { ...messages({ nl, en }), ...commentTexts, ...itemTexts };
