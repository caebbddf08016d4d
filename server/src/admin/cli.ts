/**
 * Operator tool: `npm run admin -- <command> [options]`.
 *   token --role <role> --document <id> [--document <id> ...] [--read-only] [--user <id>] [--name <name>] [--ttl <seconds>]
 *   create-user --login <email> --name <name> --role <role> --organisation <name> [--password <pw>] [--json]
 *   create-user, disable-user, seed-demo, demo-region, demo-code, verify-log: see their usage texts.
 */
import { parseArgs } from 'node:util';
import { type DocumentAccess, isValidDocumentId, ROLES, RoleSchema } from '@samenspraak/shared';
import { secretKey, signCollabToken } from '../auth/collabTokens.js';
import { resolveAuthSecret } from '../auth/secret.js';
import { loadConfig } from '../config.js';
import { CREATE_USER_USAGE, createUserCommand } from './commands/createUser.js';
import { DEMO_CODE_USAGE, demoCodeCommand } from './commands/demoCode.js';
import { DEMO_REGION_USAGE, demoRegionCommand } from './commands/demoRegion.js';
import { DISABLE_USER_USAGE, disableUserCommand } from './commands/disableUser.js';
import { SEED_DEMO_USAGE, seedDemoCommand } from './commands/seedDemo.js';
import { VERIFY_LOG_USAGE, verifyLogCommand } from './commands/verifyLog.js';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  token   Print a collaboration access token.
          --role <role>          one of: ${ROLES.join(', ')}
          --document <id>        a document the token opens (repeatable)
          --read-only            grant read access only (default: write)
          --user <id>            user id (default: admin-<role>)
          --name <name>          display name (default: the role)
          --ttl <seconds>        lifetime (default 3600)
${CREATE_USER_USAGE}${DISABLE_USER_USAGE}${SEED_DEMO_USAGE}${DEMO_REGION_USAGE}${DEMO_CODE_USAGE}${VERIFY_LOG_USAGE}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function token(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      document: { type: 'string', multiple: true },
      'read-only': { type: 'boolean', default: false },
      user: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
    },
    strict: true,
  });
  const role = RoleSchema.safeParse(values.role);
  if (!role.success) fail(`--role is required and must be a known role (got ${values.role ?? 'nothing'})`);
  const documents = values.document ?? [];
  if (documents.length === 0) fail('at least one --document is required');
  for (const id of documents) if (!isValidDocumentId(id)) fail(`invalid document id: ${id}`);
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > 30 * 24 * 3600)
    fail('--ttl must be a whole number of seconds, at most 30 days');
  const access: DocumentAccess = values['read-only'] ? 'read' : 'write';
  const config = loadConfig(process.env);
  const key = secretKey(resolveAuthSecret(config));
  const jwt = await signCollabToken(
    key,
    {
      sub: values.user ?? `admin-${role.data}`,
      name: values.name ?? role.data,
      role: role.data,
      docs: Object.fromEntries(documents.map((d) => [d, access])),
    },
    ttl,
  );
  process.stdout.write(`${jwt}\n`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  switch (command) {
    case 'token':
      await token(rest);
      break;
    case 'create-user':
      await createUserCommand(rest, { config: loadConfig(process.env), out: (text) => process.stdout.write(text) });
      break;
    case 'disable-user':
      await disableUserCommand(rest, { config: loadConfig(process.env), out: (text) => process.stdout.write(text) });
      break;
    case 'seed-demo':
      await seedDemoCommand({ config: loadConfig(process.env), out: (text) => process.stdout.write(text) });
      break;
    case 'demo-region':
      await demoRegionCommand(rest, { config: loadConfig(process.env), out: (text) => process.stdout.write(text) });
      break;
    case 'demo-code':
      demoCodeCommand(rest, { config: loadConfig(process.env), out: (text) => process.stdout.write(text) });
      break;
    case 'verify-log':
      process.exitCode = await verifyLogCommand({
        config: loadConfig(process.env),
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
      });
      break;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      break;
    default:
      fail(`unknown command: ${command}`);
  }
} catch (err) {
  fail((err as Error).message);
}
