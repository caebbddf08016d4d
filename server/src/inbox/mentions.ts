/**
 * Mentions in a comment: `@Name`, where Name is a participant's full name or, when no other participant
 * shares it, their first name ("@Petra Jansen", "@Petra"). Case and accents as written; a name must end
 * at a word's end, so "@Petrus" does not mention Petra. Pure: the server decides who is mentioned, never
 * the client; who then gets an item is narrowed further to those who may read the section.
 */

export interface MentionCandidate {
  userId: string;
  name: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('nl');

function mentions(text: string, name: string): boolean {
  const trimmed = name.trim();
  if (!trimmed) return false;
  // After the name: end, whitespace or punctuation — not a letter or digit.
  return new RegExp(`(^|[^\\p{L}\\p{N}])@${escapeRegExp(norm(trimmed))}(?![\\p{L}\\p{N}])`, 'u').test(norm(text));
}

/** The user ids mentioned in `text` (each once), in the order of `candidates`. */
export function mentionedUsers(text: string, candidates: readonly MentionCandidate[]): string[] {
  if (!text.includes('@')) return [];
  const firstNames = new Map<string, number>();
  for (const c of candidates) {
    const first = norm(c.name.trim().split(/\s+/)[0] ?? '');
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  const found: string[] = [];
  for (const c of candidates) {
    const first = c.name.trim().split(/\s+/)[0] ?? '';
    const byFirst = firstNames.get(norm(first)) === 1 && mentions(text, first);
    if ((mentions(text, c.name) || byFirst) && !found.includes(c.userId)) found.push(c.userId);
  }
  return found;
}
