/**
 * Plain words for every error id of the server, in Dutch and English: what went wrong in words a parent
 * or a 16-year-old understands. The server puts the Dutch words into every error answer (`text`), and
 * the client shows them in the person's language; the table is typed over every id, so an id added to
 * HTTP_ERROR_IDS does not compile until it has words in both languages.
 */
import type { HttpErrorDetails, HttpErrorId, PasswordWeakness } from './httpErrors.js';

export interface ErrorWords {
  nl: string;
  en: string;
}

export const ERROR_WORDS: Record<HttpErrorId, ErrorWords> = {
  passkey_failed: {
    nl: 'Inloggen met je toegangssleutel lukte niet. Probeer het opnieuw, of log in met je wachtwoord.',
    en: 'Logging in with your passkey did not work. Try again, or log in with your password.',
  },
  challenge_expired: {
    nl: 'Deze poging is verlopen of al gebruikt. Begin opnieuw.',
    en: 'This attempt has expired or was already used. Please start again.',
  },
  sso_failed: {
    nl: 'Je organisatie kon niet bevestigen wie je bent (het bewijs klopte niet of was verlopen). Probeer opnieuw in te loggen met je organisatie.',
    en: 'Your organisation could not confirm who you are (the proof was wrong or had expired). Try logging in with your organisation again.',
  },
  sso_state: {
    nl: 'Deze inlogpoging is verlopen of al gebruikt. Klik opnieuw op "Inloggen met je organisatie".',
    en: 'This login attempt has expired or was already used. Click "Log in with your organisation" again.',
  },
  sso_no_mfa: {
    nl: 'Je organisatie heeft niet bevestigd dat je met twee stappen bent ingelogd (bijvoorbeeld met een app of sleutel). Log bij je organisatie in met twee stappen, of log hier in met je wachtwoord en code.',
    en: 'Your organisation did not confirm that you logged in with two steps (for example an app or a key). Log in at your organisation with two steps, or log in here with your password and code.',
  },
  sso_unlinked: {
    nl: 'Je organisatie-account is nog niet gekoppeld aan een account in Samenspraak. Vraag de functioneel beheerder van je regio om het te koppelen.',
    en: 'Your organisation account is not yet linked to a Samenspraak account. Ask the functional administrator of your region to link it.',
  },
  invalid_request: { nl: 'Niet alles is goed ingevuld.', en: 'Not everything is filled in correctly.' },
  entity_parse_failed: {
    nl: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    en: 'Something went wrong while sending. Please try again.',
  },
  entity_too_large: {
    nl: 'Dat is te veel tekst in één keer. Maak het korter.',
    en: 'That is too much text at once. Please make it shorter.',
  },
  encoding_unsupported: {
    nl: 'Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.',
    en: 'Something went wrong while sending. Reload the page and try again.',
  },
  bad_request: {
    nl: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    en: 'Something went wrong while sending. Please try again.',
  },
  not_found: {
    nl: 'Dit bestaat niet (meer), of je mag het niet zien.',
    en: 'This does not exist (any more), or you may not see it.',
  },
  conflict: {
    nl: 'Iemand anders veranderde dit net. Laad de pagina opnieuw en probeer het nog eens.',
    en: 'Someone else just changed this. Reload the page and try again.',
  },
  internal: {
    nl: 'Er ging iets mis bij ons. Er is niets verloren; probeer het zo opnieuw.',
    en: 'Something went wrong on our side. Nothing was lost; please try again shortly.',
  },
  storage_full: {
    nl: 'Er is even geen opslagruimte. Je wijziging is niet bewaard; probeer het over een paar minuten opnieuw.',
    en: 'There is no storage space for a moment. Your change was not saved; please try again in a few minutes.',
  },
  access_log_unavailable: {
    nl: 'Het toegangslog kan even niet worden bijgewerkt. Daarom tonen we nu geen gegevens; probeer het over een paar minuten opnieuw.',
    en: 'The access log cannot be written for a moment, so no data is shown now; please try again in a few minutes.',
  },
  unauthenticated: {
    nl: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
    en: 'You are not logged in (any more). Please log in again.',
  },
  csrf: {
    nl: 'Je sessie is verlopen of in een ander venster veranderd. Laad de pagina opnieuw.',
    en: 'Your session expired or changed in another window. Please reload the page.',
  },
  forbidden: { nl: 'Dit mag je niet doen met jouw rol.', en: 'Your role may not do this.' },
  rate_limited: {
    nl: 'Te veel pogingen achter elkaar. Wacht even en probeer het dan opnieuw.',
    en: 'Too many attempts in a row. Wait a while, then try again.',
  },
  locked: {
    nl: 'Te veel verkeerde pogingen. Je account is even op slot.',
    en: 'Too many wrong attempts. Your account is locked for a while.',
  },
  invalid_credentials: {
    nl: 'Je gebruikersnaam of wachtwoord klopt niet.',
    en: 'Your user name or password is not right.',
  },
  invalid_code: { nl: 'De code klopt niet.', en: 'The code is not right.' },
  invitation_used: {
    nl: 'Deze uitnodiging is al gebruikt. Log in met je gebruikersnaam en wachtwoord.',
    en: 'This invitation was already used. Log in with your user name and password.',
  },
  invitation_expired: {
    nl: 'Deze uitnodiging is verlopen. Vraag je hulpverlener om een nieuwe.',
    en: 'This invitation has expired. Ask your care worker for a new one.',
  },
  invitation_blocked: {
    nl: 'De code is te vaak verkeerd ingevuld. Vraag je hulpverlener om een nieuwe uitnodiging.',
    en: 'The code was entered wrongly too often. Ask your care worker for a new invitation.',
  },
  invitation_revoked: {
    nl: 'Deze uitnodiging is ingetrokken. Vraag je hulpverlener om een nieuwe.',
    en: 'This invitation was withdrawn. Ask your care worker for a new one.',
  },
  invitation_open: {
    nl: 'Er staat al een uitnodiging open voor de jeugdige. Trek die eerst in, of wacht tot hij gebruikt is.',
    en: 'The young person already has an open invitation. Withdraw it first, or wait until it is used.',
  },
  wrong_date_of_birth: {
    nl: 'Die geboortedatum klopt niet met de aanmelding. Vul de geboortedatum van de jeugdige in.',
    en: 'That date of birth does not match the registration. Enter the young person’s date of birth.',
  },
  login_taken: {
    nl: 'Die gebruikersnaam is al bezet. Kies een andere.',
    en: 'That user name is taken. Choose another one.',
  },
  weak_password: {
    nl: 'Kies een ander wachtwoord: dit is te makkelijk te raden.',
    en: 'Choose another password: this one is too easy to guess.',
  },
  case_closed: { nl: 'Deze zaak is gesloten.', en: 'This case is closed.' },
  invalid_date_of_birth: {
    nl: 'De geboortedatum klopt niet.',
    en: 'The date of birth is not right.',
  },
  invalid_responsible_scientist: {
    nl: 'Kies een gedragswetenschapper als verantwoordelijke.',
    en: 'Choose a behavioural scientist as the one responsible.',
  },
  young_person_exists: {
    nl: 'Deze zaak heeft al een jeugdige.',
    en: 'This case already has a young person.',
  },
  unknown_user: { nl: 'Die persoon kennen we niet.', en: 'We do not know that person.' },
  role_not_allowed: {
    nl: 'Die rol kan in deze zaak niet meedoen.',
    en: 'That role cannot take part in this case.',
  },
  already_participant: {
    nl: 'Deze persoon doet al mee in de zaak.',
    en: 'This person already takes part in the case.',
  },
  participant_not_found: {
    nl: 'Deze persoon doet niet mee in de zaak.',
    en: 'This person does not take part in the case.',
  },
  last_professional: {
    nl: 'Er moet altijd minstens één professional bij de zaak blijven.',
    en: 'At least one professional must always stay on the case.',
  },
  invalid_status_change: {
    nl: 'Die stap kan nu niet vanuit deze stand van de zaak.',
    en: 'That step is not possible from the current state of the case.',
  },
  request_pending: {
    nl: 'Er loopt al een verzoek. Wacht op het besluit daarover.',
    en: 'A request is already open. Wait for the decision on it.',
  },
  request_not_found: { nl: 'Dat verzoek bestaat niet.', en: 'That request does not exist.' },
  already_decided: {
    nl: 'Hierover is al besloten.',
    en: 'This has already been decided.',
  },
  right_not_holder: {
    nl: 'Dit recht is niet van jou in deze zaak. Vanaf 16 jaar beslist de jongere zelf; tot 12 jaar de ouders.',
    en: 'This right is not yours in this case. From 16 the young person decides; under 12 the parents.',
  },
  unknown_section: {
    nl: 'Dat deel van het document bestaat niet, of je kunt het niet lezen. Kies een ander deel.',
    en: 'That part of the document does not exist, or you cannot read it. Choose another part.',
  },
  meeting_state: {
    nl: 'Dat kan nu niet in deze fase van het overleg. Misschien veranderde het net.',
    en: 'That is not possible in this phase of the meeting. Perhaps it just changed.',
  },
  document_refused: {
    nl: 'Het document nam het besluit niet aan. Probeer een ander onderdeel.',
    en: 'The document did not accept the item. Try another section.',
  },
  not_escalated: {
    nl: 'Deze zaak is niet opgeschaald.',
    en: 'This case has not been escalated.',
  },
  transition_refused: {
    nl: 'Die stap op de ladder kan nu niet.',
    en: 'That step on the ladder is not possible now.',
  },
  account_link_invalid: {
    nl: 'Deze link werkt niet (meer): hij is al gebruikt of verlopen. Vraag een nieuwe aan.',
    en: 'This link does not work (any more): it was already used or has expired. Ask for a new one.',
  },
  email_taken: {
    nl: 'Er is al een account met dit e-mailadres.',
    en: 'There already is an account with this e-mail address.',
  },
  account_role_not_allowed: {
    nl: 'Die rol kun je hier niet geven. Kies een rol van een professional; beheerders worden door de systeembeheerder gemaakt, jeugdigen en ouders worden uitgenodigd.',
    en: 'You cannot give that role here. Choose a professional’s role; beheerders are made by the system administrator, young people and parents are invited.',
  },
  no_region: {
    nl: 'Aan jouw account is geen regio gekoppeld. Vraag de systeembeheerder om dat te doen.',
    en: 'Your account has no region. Ask the system administrator to set one.',
  },
  wrong_password: {
    nl: 'Je huidige wachtwoord klopt niet.',
    en: 'Your current password is not right.',
  },
  // sign-off
  text_changed: {
    nl: 'De tekst is intussen veranderd. Lees hem opnieuw en geef dan je mening.',
    en: 'The text has changed in the meantime. Read it again, then give your view.',
  },
  signoff_required_empty: {
    nl: 'Vaststellen kan nog niet: een verplicht onderdeel van de analyse is nog leeg.',
    en: 'Cannot sign off yet: a required section of the analysis is still empty.',
  },
  signoff_not_endorsed: {
    nl: 'Vaststellen kan nog niet: de jeugdige of een ouder moet eerst instemmen met deze versie, of leg vast waarom dat niet kan.',
    en: 'Cannot sign off yet: the young person or a parent must first endorse this version, or record why that is not possible.',
  },
  signoff_child_view_missing: {
    nl: 'Vaststellen kan nog niet: leg vast dat een professional de mening van het kind heeft opgeschreven.',
    en: "Cannot sign off yet: record that a professional wrote down the child's view.",
  },
  signoff_education_missing: {
    nl: 'Vaststellen kan nog niet: leg eerst vast dat het onderwijs is geraadpleegd.',
    en: 'Cannot sign off yet: first record that education was consulted.',
  },
  signoff_wrong_document: {
    nl: 'Dit kan alleen bij de verklarende analyse.',
    en: 'This is only possible for the explanatory analysis.',
  },
  analysis_already_requested: {
    nl: 'De analyse is al aangevraagd. De termijn van 6 weken loopt al.',
    en: 'The analysis was already requested. The 6-week period is already running.',
  },
  // registration
  unknown_region: {
    nl: 'Kies een van de negen jeugdregio’s van Noord-Holland.',
    en: 'Choose one of the nine youth-care regions of Noord-Holland.',
  },
  duplicate_young_person: {
    nl: 'Deze jeugdige (zelfde naam, geboortedatum en gemeente) heeft al een open zaak. Er is niets aangemaakt; neem contact op met het regionaal expertteam.',
    en: 'This young person (same name, date of birth and municipality) already has an open case. Nothing was created; please contact the regional expert team.',
  },
  contact_required: {
    nl: 'Vul een telefoonnummer of een e-mailadres in, zodat we je kunnen bereiken.',
    en: 'Fill in a phone number or an e-mail address, so that we can reach you.',
  },
  invalid_contact: {
    nl: 'Het telefoonnummer of e-mailadres klopt niet. Kijk het nog eens na.',
    en: 'The phone number or e-mail address is not right. Please check it.',
  },
  reason_required: {
    nl: 'Schrijf op waarom je de toegang beëindigt. Die reden komt in het overzicht van wie het dossier bekeek.',
    en: 'Write down why you end the access. The reason goes into the record of who looked at the dossier.',
  },
  not_process_director: {
    nl: 'Alleen wie nu de procesregie heeft, of de procesregisseur van het RET, kan de procesregie overdragen.',
    en: 'Only the person who holds process direction now, or the RET process director, can hand it over.',
  },
  invalid_process_director: {
    nl: 'De procesregie gaat naar een procesregisseur of gedragswetenschapper die al aan deze zaak meewerkt.',
    en: 'Process direction goes to a process director or behavioural scientist who already works on this case.',
  },
  invite_not_allowed: {
    nl: 'Met jouw rol mag je deze persoon niet uitnodigen. Vraag de procesregisseur of wie de zaak aanmeldde. Er is niets aangemaakt.',
    en: 'Your role may not invite this person. Ask the process director or whoever registered the case. Nothing was created.',
  },
  consultation_closed: {
    nl: 'Deze vraag is al beantwoord of al een zaak geworden.',
    en: 'This request has already been answered or turned into a case.',
  },
  // analysis template (own-words parts, 002 Bijlage 1)
  own_words_part_unknown: {
    nl: 'Dit deel van de hulpvraag bestaat niet in deze zaak.',
    en: 'This part of the request for help does not exist in this case.',
  },
  recorder_not_allowed: {
    nl: 'Je mag niet bepalen wie dit deel van de hulpvraag opschrijft.',
    en: 'You may not decide who writes down this part of the request for help.',
  },
  recorder_not_professional: {
    nl: 'Alleen een professional die aan deze zaak meewerkt kan de woorden van iemand anders opschrijven.',
    en: 'Only a professional working on this case can write down someone else’s words.',
  },
  // decisions
  analysis_not_signed_off: {
    nl: 'Dit kan alleen met een vastgestelde verklarende analyse. Laat de gedragswetenschapper de analyse eerst vaststellen.',
    en: 'This needs a signed-off explanatory analysis. Ask the behavioural scientist to sign the analysis off first.',
  },
  analysis_too_old: {
    nl: 'De vastgestelde verklarende analyse is niet recent genoeg voor dit besluit. Vraag eerst een actualisatie van de analyse.',
    en: 'The signed-off explanatory analysis is not recent enough for this decision. Ask for an update of the analysis first.',
  },
  departure_reason_required: {
    nl: 'Dit besluit wijkt af van de verklarende analyse (bindend advies). Schrijf op waarom.',
    en: 'This decision departs from the explanatory analysis (binding advice). Write down why.',
  },
  gz_psycholoog_required: {
    nl: 'Bij een verzoek om gesloten plaatsing hoort een onafhankelijke GZ-psycholoog. Kies een GZ-psycholoog die meedoet aan deze zaak.',
    en: 'A request for a closed placement names an independent GZ psychologist. Choose a GZ psychologist who takes part in this case.',
  },
  dbt_not_settled: {
    nl: 'Het Doorbraakteam sluit of schaalt pas af na een doorbraaksessie met een uitkomst, als elke toezegging is nagekomen of met reden losgelaten.',
    en: 'The breakthrough team closes or scales down only after a breakthrough session with an outcome, when every commitment is met or released with a reason.',
  },
  west_friesland_rule_off: {
    nl: 'Deze regio gebruikt de West-Friese regel (doorbraakaanpak 6 weken na de maatregel) niet.',
    en: 'This region does not use the West-Friesland rule (breakthrough approach 6 weeks after the measure).',
  },
  measure_clock_running: {
    nl: 'De doorbraakaanpak kan pas als er 6 weken na de start van de maatregel nog geen passende hulp is.',
    en: 'The breakthrough approach is possible only when fitting help has not started 6 weeks after the measure started.',
  },
  session_not_held: {
    nl: 'Deze doorbraaksessie is nog niet geweest. Leg de uitkomst vast na de sessie.',
    en: 'This breakthrough session has not taken place yet. Record the outcome after the session.',
  },
  commitment_settled: {
    nl: 'Deze toezegging is al nagekomen of losgelaten.',
    en: 'This commitment is already met or released.',
  },
  monitor_scope_forbidden: {
    nl: 'Je ziet de monitor alleen van je eigen regio of gemeente.',
    en: 'You only see the monitor of your own region or municipality.',
  },
  no_municipality: {
    nl: 'Aan jouw account is geen gemeente gekoppeld. Vraag de beheerder om dat te doen.',
    en: 'Your account has no municipality. Ask the administrator to set one.',
  },
  region_forbidden: {
    nl: 'Alleen een beheerder van deze regio mag de instellingen van de regio wijzigen.',
    en: "Only an administrator of this region may change the region's settings.",
  },
  party_mismatch: {
    nl: 'Je kunt alleen instemmen namens je eigen kant (aanbieder, ouders, GI of jeugd-GGZ).',
    en: 'You can agree only on behalf of your own side (provider, parents, GI or youth mental health).',
  },
  move_reason_required: {
    nl: 'Deze verhuizing valt binnen een half jaar rond de 18e verjaardag. Geef de reden en een toelichting: een andere financiering vanaf 18 is nooit een reden om te verhuizen.',
    en: 'This move falls within six months of the 18th birthday. Give the reason and an explanation: a change of funding at 18 is never a reason to move.',
  },
  plan_field_forbidden: {
    nl: 'Dit deel van het toekomstplan schrijft iemand anders: de financiering en de BIG5 het lokale team (met de GI bij een maatregel), de reactie de jongere zelf.',
    en: 'Someone else writes this part of the future plan: funding and the BIG5 the local team (with the GI under a measure), the comment the young person.',
  },
};

/** Why a new password was refused (`weak_password`, details.passwordReason), added to the words above. */
const PASSWORD_REASON: Record<PasswordWeakness, ErrorWords> = {
  too_short: { nl: 'Gebruik minstens 10 tekens.', en: 'Use at least 10 characters.' },
  too_long: { nl: 'Gebruik hooguit 200 tekens.', en: 'Use at most 200 characters.' },
  repetitive: {
    nl: 'Het herhaalt tekens of woorden, zoals "aaaa" of "abcabc".',
    en: 'It repeats characters or words, like "aaaa" or "abcabc".',
  },
  sequence: {
    nl: 'Het is een reeks, zoals "abcd" of "1234".',
    en: 'It is a sequence, like "abcd" or "1234".',
  },
  keyboard: {
    nl: 'Het is een rij of patroon op het toetsenbord, zoals "qwerty".',
    en: 'It is a row or pattern on the keyboard, like "qwerty".',
  },
  common: {
    nl: 'Het is (een variant van) een veelgebruikt wachtwoord dat in gelekte lijsten staat.',
    en: 'It is (a variant of) a common password that appears in leaked lists.',
  },
  personal: {
    nl: 'Er staat je gebruikersnaam, je naam of de naam van Samenspraak in.',
    en: 'It contains your user name, your name or the name of Samenspraak.',
  },
  date: { nl: 'Het is gebouwd op een datum of jaartal.', en: 'It is built on a date or a year.' },
  guessable: {
    nl: 'Tip: neem een paar woorden die niet bij elkaar horen, zoals "fiets regen kaas 74".',
    en: 'Tip: take a few words that do not belong together, like "bicycle rain cheese 74".',
  },
};

export const UNKNOWN_ERROR_WORDS: ErrorWords = {
  nl: 'Er ging iets mis. Probeer het opnieuw.',
  en: 'Something went wrong. Please try again.',
};

/** Details come from the network: only a whole, positive number is used. */
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/** The words for an error answer: the id's text, plus what its details add (tries left, a used code). */
export function errorWordsFor(id: string, details: HttpErrorDetails, lang: keyof ErrorWords): string {
  const base = Object.hasOwn(ERROR_WORDS, id) ? ERROR_WORDS[id as HttpErrorId][lang] : UNKNOWN_ERROR_WORDS[lang];
  if (id === 'invalid_code' && details.replayed)
    return lang === 'nl'
      ? 'Deze code is al gebruikt. Wacht op de volgende code in je app.'
      : 'This code was already used. Wait for the next code in your app.';
  const minutes = details.retryAfterMinutes;
  if (id === 'locked' && isCount(minutes))
    return lang === 'nl'
      ? `${base} Binnen ${minutes} minuten kun je het opnieuw proberen.`
      : `${base} You can try again within ${minutes} minutes.`;
  const reason = details.passwordReason;
  if (id === 'weak_password' && typeof reason === 'string' && Object.hasOwn(PASSWORD_REASON, reason))
    return `${base} ${PASSWORD_REASON[reason][lang]}`;
  const left = details.attemptsLeft;
  if (id === 'invalid_credentials' && isCount(left)) {
    const tries =
      lang === 'nl'
        ? left === 1
          ? 'Nog 1 poging'
          : `Nog ${left} pogingen`
        : left === 1
          ? '1 attempt left'
          : `${left} attempts left`;
    return lang === 'nl'
      ? `${base} ${tries}, daarna gaat inloggen een tijdje op slot.`
      : `${base} ${tries}, then logging in is locked for a while.`;
  }
  if ((id === 'invalid_code' || id === 'wrong_date_of_birth') && isCount(left)) {
    const tries =
      lang === 'nl'
        ? left === 1
          ? 'nog 1 keer'
          : `nog ${left} keer`
        : left === 1
          ? 'once more'
          : `${left} more times`;
    return lang === 'nl' ? `${base} Je kunt het ${tries} proberen.` : `${base} You can try ${tries}.`;
  }
  return base;
}
