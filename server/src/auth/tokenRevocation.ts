/**
 * Revoking document tokens. Tokens are signed and live 15 minutes, so they cannot be taken back one by
 * one; instead each carries the person's token generation (`gen`) at issuance, and raising the
 * generation (log out everywhere, account disabled) makes every earlier token fail at connect and at
 * each re-check. A disabled account's tokens fail too, whatever their generation.
 */
import type { CollabClaims } from '@samenspraak/shared';
import { type Kysely, sql } from 'kysely';
import type { AppDb } from '../db/database.js';

interface TokenGenerationsTable {
  user_id: string;
  generation: number;
  changed_at: string;
}

type GenerationDb = Kysely<{
  collab_token_generations: TokenGenerationsTable;
  users: { id: string; disabled: number };
}>;

const view = (db: AppDb) => db as unknown as GenerationDb;

/** The generation a token issued now must carry (0 for a person never revoked). */
export async function currentTokenGeneration(db: AppDb, userId: string): Promise<number> {
  const row = await view(db)
    .selectFrom('collab_token_generations')
    .select('generation')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/** Revokes every document token of the person issued until now. Returns the new generation. */
export async function revokeDocumentTokens(db: AppDb, userId: string, now: Date): Promise<number> {
  await view(db)
    .insertInto('collab_token_generations')
    .values({ user_id: userId, generation: 1, changed_at: now.toISOString() })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ generation: sql`collab_token_generations.generation + 1`, changed_at: now.toISOString() }),
    )
    .execute();
  return currentTokenGeneration(db, userId);
}

/**
 * Is a verified token still honoured? Its generation must be the person's current one and their account
 * not disabled. Tokens of people without an account (operator tokens for demo or benchmark documents)
 * are judged by their generation alone.
 */
export async function tokenStillValid(db: AppDb, claims: Pick<CollabClaims, 'sub' | 'gen'>): Promise<boolean> {
  const [generation, user] = await Promise.all([
    currentTokenGeneration(db, claims.sub),
    view(db).selectFrom('users').select('disabled').where('id', '=', claims.sub).executeTakeFirst(),
  ]);
  if (user?.disabled) return false;
  return (claims.gen ?? 0) === generation;
}
