/** The new addresses: the registration form is never read as a case id, the public form has its own path. */
import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from '../../app/router';

describe('registration and consultation routes', () => {
  it('reads /zaken/nieuw as the registration form, not as a case "nieuw"', () => {
    expect(parseRoute('/zaken/nieuw')).toEqual({ name: 'register', consultationId: null });
    expect(parseRoute('/zaken/3f1c')).toEqual({ name: 'case', caseId: '3f1c' });
  });

  it('has the public consultation form and the RET queue', () => {
    expect(parseRoute('/consultatie')).toEqual({ name: 'consultation' });
    expect(parseRoute('/consultaties')).toEqual({ name: 'consultations', consultationId: null });
    expect(parseRoute('/consultaties/abc')).toEqual({ name: 'consultations', consultationId: 'abc' });
    expect(paths.register('abc')).toBe('/zaken/nieuw?consultatie=abc');
  });
});
