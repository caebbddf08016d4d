/**
 * Readability of what the young person and parents read (issue #18): one formula, LIX (Björnsson,
 * "läsbarhetsindex"), and a list of forbidden jargon. LIX needs no syllable counter, so it is exact for
 * Dutch without a hyphenation dictionary:
 *
 *   LIX = words / sentences + 100 × long words / words      (a long word has more than 6 letters)
 *
 * Below 40 counts as easy (B1 and below; the Dutch "Direct Duidelijk" guidance uses the same band);
 * 40–50 is average newspaper text, above 50 hard. Why not Flesch-Douma: it needs Dutch syllable counts;
 * the maintained npm counters (`syllable`, `flesch`) count English, and Dutch hyphenation patterns
 * (`hyphen`, `hyphenation.nl`) give hyphenation points with minimum edge lengths, not syllables. See
 * docs/ARCHITECTURE.md "Plain words for the young person and parents".
 */

/** The threshold every text for the young person and parents must meet. */
export const LIX_MAX = 40;

/** Words as LIX counts them: runs of letters (with inner hyphens or apostrophes), digits excluded. */
export function lixWords(text: string): string[] {
  return text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

/** Sentences: ended by . ! ? : or a line break; a text without an end mark is one sentence. */
export function lixSentences(text: string): number {
  const parts = text
    .split(/[.!?:\n]+/)
    .map((p) => p.trim())
    .filter((p) => lixWords(p).length > 0);
  return Math.max(1, parts.length);
}

/** The LIX of a text (0 for a text without words). */
export function lix(text: string): number {
  const words = lixWords(text);
  if (words.length === 0) return 0;
  const long = words.filter((w) => w.replace(/['’-]/g, '').length > 6).length;
  return words.length / lixSentences(text) + (100 * long) / words.length;
}

/**
 * Professional words a young person or parent should not meet without explanation. Matched as whole
 * words or word beginnings (so "hypothesen" and "indicatiebesluit" are caught; abbreviations only whole),
 * case-insensitive.
 */
export const FORBIDDEN_JARGON = [
  'hypothese',
  'casuïstiek',
  'casuistiek',
  'multidisciplinair',
  'indicatie',
  'verklarende analyse',
  'probleem- en krachtenanalyse',
  'krachtenanalyse',
  'risicofactor',
  'beschermende factor',
  'procesregie',
  'procesregisseur',
  'escalatie',
  'interventie',
  'diagnostiek',
  'systeemgericht',
  'aanknopingspunt',
  'evaluatiemoment',
  'gedragswetenschapper',
  'jeugdhulpaanbieder',
  'mdo',
  'ret',
  'dbt',
  'ben-nh',
] as const;

/** The forbidden words found in a text (lower case, in list order). */
export function jargonIn(text: string): string[] {
  const lower = text.toLocaleLowerCase('nl');
  return FORBIDDEN_JARGON.filter((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Short words (abbreviations) only whole; longer ones also as the start of a word ("hypothesen").
    const end = word.length <= 6 ? '(?![\\p{L}])' : '';
    return new RegExp(`(^|[^\\p{L}])${escaped}${end}`, 'u').test(lower);
  });
}

/** Why a text fails (empty when it passes): too hard to read, or jargon. */
export function readabilityProblems(text: string): string[] {
  const problems: string[] = [];
  const score = lix(text);
  if (score > LIX_MAX) problems.push(`LIX ${score.toFixed(1)} > ${LIX_MAX}`);
  for (const word of jargonIn(text)) problems.push(`jargon "${word}"`);
  return problems;
}
