/**
 * The relational schema's migrations in the order they run. Each feature keeps its migrations in its own
 * folder; this app-level list is the one place that knows them all, so `db/` imports no feature. A new
 * migration gets the next number; a number is never reused or renamed (databases remember the names).
 */
import { accessLogCasesMigration } from './audit/accessLogCasesMigration.js';
import { tokenGenerationMigration } from './auth/tokenGenerationMigration.js';
import { casesMigration } from './cases/casesMigration.js';
import { ownWordsMigration } from './cases/ownWordsMigration.js';
import { registrationMigration } from './cases/registrationMigration.js';
import { commentsMigration } from './comments/commentsMigration.js';
import { initialMigration, type Migrations } from './db/migrations.js';
import { decisionsMigration } from './decisions/decisionsMigration.js';
import { endorsementVersionsMigration } from './endorsements/endorsementVersionsMigration.js';
import { escalationMigration } from './escalation/escalationMigration.js';
import { monitorMigration } from './escalation/monitorMigration.js';
import { notifierMigration } from './escalation/notifierMigration.js';
import { accountsMigration } from './identity/accountsMigration.js';
import { identityMigration } from './identity/identityMigration.js';
import { invitationsMigration } from './identity/invitationsMigration.js';
import { passkeysMigration } from './identity/passkeysMigration.js';
import { ssoMigration } from './identity/ssoMigration.js';
import { inboxMigration } from './inbox/inboxMigration.js';
import { outboxMigration } from './mail/outboxMigration.js';
import { meetingMigration } from './meetings/meetingMigration.js';
import { planMigration } from './plan/planMigration.js';
import { rightsMigration } from './rights/rightsMigration.js';
import { versionsMigration } from './versions/versionsMigration.js';

export const SCHEMA_MIGRATIONS: Migrations = {
  '0001_initial': initialMigration,
  '0002_identity': identityMigration,
  '0003_cases': casesMigration,
  '0004_comments': commentsMigration,
  '0005_escalation': escalationMigration,
  '0006_versions': versionsMigration,
  '0007_meetings': meetingMigration,
  '0008_clock_facts_and_pushes': notifierMigration,
  '0009_collab_token_generations': tokenGenerationMigration,
  '0010_invitation_guard': invitationsMigration,
  '0011_mail_outbox': outboxMigration,
  '0012_inbox': inboxMigration,
  '0015_accounts': accountsMigration,
  '0016_registration': registrationMigration,
  '0017_analysis_template': ownWordsMigration,
  '0018_endorsement_versions': endorsementVersionsMigration,
  '0019_decisions': decisionsMigration,
  '0020_future_plan': planMigration,
  '0022_monitor': monitorMigration,
  '0025_rights': rightsMigration,
  '0027_passkeys': passkeysMigration,
  '0028_sso': ssoMigration,
  '0029_access_log_cases': accessLogCasesMigration,
};
