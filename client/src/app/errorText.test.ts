import { HTTP_ERROR_IDS, PASSWORD_WEAKNESSES } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorText } from './errorText';

const fail = (id: string, details = {}) => new ApiError(400, id, 'the server said something in English', details);

describe('errorText', () => {
  it('has its own words for every error id the server can send, in Dutch and English', () => {
    const generic = errorText(fail('no-such-id'), 'nl');
    for (const id of HTTP_ERROR_IDS) {
      const nl = errorText(fail(id), 'nl');
      const en = errorText(fail(id), 'en');
      expect(nl, id).not.toBe(generic);
      expect(nl, id).not.toContain('English');
      expect(en, id).not.toBe(nl);
    }
  });

  it('says how many tries are left for a wrong invitation code', () => {
    expect(errorText(fail('invalid_code', { attemptsLeft: 3 }), 'nl')).toBe(
      'De code klopt niet. Je kunt het nog 3 keer proberen.',
    );
    expect(errorText(fail('invalid_code', { attemptsLeft: 1 }), 'en')).toBe(
      'The code is not right. You can try once more.',
    );
    expect(errorText(fail('invalid_code'), 'nl')).toBe('De code klopt niet.');
  });

  it('says a wrong date of birth plainly, with the tries left (they count with the code)', () => {
    expect(errorText(fail('wrong_date_of_birth', { attemptsLeft: 2 }), 'nl')).toBe(
      'Die geboortedatum klopt niet met de aanmelding. Vul de geboortedatum van de jeugdige in. Je kunt het nog 2 keer proberen.',
    );
    expect(errorText(fail('invitation_revoked'), 'nl')).toBe(
      'Deze uitnodiging is ingetrokken. Vraag je hulpverlener om een nieuwe.',
    );
  });

  it('says why a new password was refused, for every reason the server can give', () => {
    expect(errorText(fail('weak_password', { passwordReason: 'repetitive' }), 'nl')).toBe(
      'Kies een ander wachtwoord: dit is te makkelijk te raden. Het herhaalt tekens of woorden, zoals "aaaa" of "abcabc".',
    );
    const plain = errorText(fail('weak_password'), 'nl');
    for (const reason of PASSWORD_WEAKNESSES) {
      expect(errorText(fail('weak_password', { passwordReason: reason }), 'nl'), reason).not.toBe(plain);
      expect(errorText(fail('weak_password', { passwordReason: reason }), 'en'), reason).not.toContain('Kies');
    }
    expect(errorText(fail('weak_password', { passwordReason: 'toString' }), 'nl')).toBe(plain);
  });

  it('tells a used TOTP code apart from a wrong one, and says how long a lock lasts', () => {
    expect(errorText(fail('invalid_code', { replayed: true }), 'nl')).toBe(
      'Deze code is al gebruikt. Wacht op de volgende code in je app.',
    );
    expect(errorText(fail('locked', { retryAfterMinutes: 15 }), 'nl')).toBe(
      'Te veel verkeerde pogingen. Je account is even op slot. Binnen 15 minuten kun je het opnieuw proberen.',
    );
  });

  it('uses only whole positive numbers from the details (they come over the network)', () => {
    for (const attemptsLeft of ['3', -1, 0, 2.5, Number.NaN, null]) {
      expect(errorText(fail('invalid_code', { attemptsLeft }), 'nl')).toBe('De code klopt niet.');
    }
    expect(errorText(fail('locked', { retryAfterMinutes: '<b>15</b>' }), 'nl')).toBe(
      'Te veel verkeerde pogingen. Je account is even op slot.',
    );
  });

  it('has plain words for no connection, an unknown id and anything that is not an API error', () => {
    expect(errorText(new ApiError(0, 'network', 'no connection to the server'), 'nl')).toContain('geen verbinding');
    expect(errorText(fail('brand_new_id'), 'nl')).toBe('Er ging iets mis. Probeer het opnieuw.');
    expect(errorText(new TypeError('x is undefined'), 'nl')).toBe('Er ging iets mis. Probeer het opnieuw.');
    // An id that is a property of every object is not a text.
    expect(errorText(fail('constructor'), 'nl')).toBe('Er ging iets mis. Probeer het opnieuw.');
  });
});
