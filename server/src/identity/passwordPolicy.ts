/**
 * Which new passwords are refused: too short or too long, or easy to guess as zxcvbn-ts estimates it
 * (score below MIN_SCORE: repeats, sequences, keyboard walks, dates, the common-password list of
 * breaches, Dutch and English words and names, and what the person typed alongside, e.g. their login).
 * Applied wherever a password is set: invitation acceptance and accounts made by an administrator.
 * Generated passwords (passwords.ts) always pass.
 */

import { createRequire } from 'node:module';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordWeakness } from '@samenspraak/shared';
import type { MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core';

// The dictionaries are megabytes of strings: loaded (synchronously, as CommonJS) when a password is
// first judged, not at server start, so an idle server does not hold them (issue 16, idle RSS).
const require = createRequire(import.meta.url);

/** zxcvbn's 0..4: 3 means about 10^8 guesses or more, "safely unguessable" against online attacks. */
export const MIN_SCORE = 3;

/** Words every guesser tries first here: the service's own name and Dutch words for "password". */
const SERVICE_WORDS = ['samenspraak', 'jeugdzorg', 'doorbraakteam', 'noordholland', 'amsterdam'];
const DUTCH_PASSWORD_WORDS = ['wachtwoord', 'paswoord', 'welkom', 'geheim', 'inloggen', 'hallo', 'wachtwoorden'];

export interface Weakness {
  reason: PasswordWeakness;
  /** English, for logs and the admin CLI; people see the client's words for `reason`. */
  message: string;
}

const MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `it must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `it must be at most ${PASSWORD_MAX_LENGTH} characters`,
  repetitive: 'it repeats characters or words (like "aaaa" or "abcabc")',
  sequence: 'it is a sequence (like "abcd" or "1234")',
  keyboard: 'it is a row or pattern on the keyboard (like "qwerty")',
  common: 'it is, or is built on, a password that is used a lot and appears in breached-password lists',
  personal: 'it contains your login name, your name or the name of this service',
  date: 'it is built on a date or a year',
  guessable: 'it is easy to guess; use a few unrelated words or a longer password',
};

let factory: ZxcvbnFactory | null = null;

/** Built on first use: ranking the dictionaries takes a moment and some memory. */
function zxcvbn(): ZxcvbnFactory {
  if (factory) return factory;
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const dutch = require('@zxcvbn-ts/language-nl-be') as typeof import('@zxcvbn-ts/language-nl-be');
  factory = new core.ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      ...dutch.dictionary,
      'passwords-nl': DUTCH_PASSWORD_WORDS,
    },
    graphs: common.adjacencyGraphs,
    translations: dutch.translations,
  });
  return factory;
}

/** The reason a guesser gets there fastest: the cheapest match that is not plain brute force. */
function reasonOf(sequence: readonly MatchExtended[]): PasswordWeakness {
  const ranked = [...sequence]
    .filter((m) => m.pattern !== 'bruteforce' && m.pattern !== 'separator')
    .sort((a, b) => b.token.length - a.token.length);
  for (const match of ranked) {
    switch (match.pattern) {
      case 'repeat':
        return 'repetitive';
      case 'sequence':
        return 'sequence';
      case 'spatial':
        return 'keyboard';
      case 'date':
      case 'regex':
        return 'date';
      case 'dictionary': {
        const name = (match as { dictionaryName?: string }).dictionaryName ?? '';
        if (name === 'userInputs') return 'personal';
        if (name.startsWith('passwords')) return 'common';
        break;
      }
    }
  }
  return 'guessable';
}

/**
 * Null when the password may be used; otherwise why not. `personal`: what the person entered with it
 * (login, name), so a password built on those counts as guessable.
 */
export function passwordWeakness(password: string, personal: readonly string[] = []): Weakness | null {
  const weakness = (reason: PasswordWeakness): Weakness => ({ reason, message: MESSAGES[reason] });
  if (password.length < PASSWORD_MIN_LENGTH) return weakness('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) return weakness('too_long');
  const inputs = [...SERVICE_WORDS, ...personal.flatMap((p) => [p, ...p.split(/[^\p{L}\p{N}]+/u)])].filter(
    (w) => w.length >= 3,
  );
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  return weakness(reasonOf(result.sequence));
}
