import { CloseCode } from '@samenspraak/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { secretKey, signCollabToken, verifyCollabToken } from '../../src/auth/collabTokens.js';

const key = secretKey('k'.repeat(40));
const claims = { sub: 'u1', name: 'Sanne', role: 'gedragswetenschapper' as const, docs: { 'va-1': 'write' as const } };

describe('collaboration tokens', () => {
  it('round-trips the claims', async () => {
    expect(await verifyCollabToken(key, await signCollabToken(key, claims, 60))).toEqual(claims);
  });

  it('carries the token generation, which revocation compares (absent means generation 0)', async () => {
    const withGen = { ...claims, gen: 3 };
    expect(await verifyCollabToken(key, await signCollabToken(key, withGen, 60))).toEqual(withGen);
    expect((await verifyCollabToken(key, await signCollabToken(key, claims, 60))).gen).toBeUndefined();
  });

  it('refuses missing, forged, expired and malformed tokens with the right close code', async () => {
    await expect(verifyCollabToken(key, null)).rejects.toMatchObject({ closeCode: CloseCode.Unauthenticated });
    const other = secretKey('o'.repeat(40));
    await expect(verifyCollabToken(key, await signCollabToken(other, claims, 60))).rejects.toMatchObject({
      closeCode: CloseCode.Unauthenticated,
    });
    await expect(verifyCollabToken(key, await signCollabToken(key, claims, -5))).rejects.toMatchObject({
      closeCode: CloseCode.TokenExpired,
    });
    const badRole = await new SignJWT({ name: 'x', role: 'koning', docs: {} })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('samenspraak')
      .setAudience('collab')
      .setExpirationTime('1m')
      .sign(key);
    await expect(verifyCollabToken(key, badRole)).rejects.toMatchObject({ closeCode: CloseCode.Unauthenticated });
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'samenspraak', aud: 'collab' })).toString('base64url')}.`;
    await expect(verifyCollabToken(key, noneAlg)).rejects.toMatchObject({ closeCode: CloseCode.Unauthenticated });
  });

  it('refuses short secrets', () => {
    expect(() => secretKey('kort')).toThrow(/32/);
  });
});
