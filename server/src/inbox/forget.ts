/** Destruction of a case takes its inbox items along (they name the case and link into it). */
import type { AppDb } from '../db/database.js';
import { inboxDb } from './inboxDb.js';

export async function forgetInboxItems(db: AppDb, caseId: string): Promise<void> {
  await inboxDb(db).deleteFrom('inbox_items').where('case_id', '=', caseId).execute();
}
