import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/config.ts';
import { runStart } from './cli/start.command.ts';
import { runMigrate } from './cli/migrate.command.ts';
import { runSeed } from './cli/seed.command.ts';
import { runUser } from './cli/user.command.ts';
import { runAudit } from './cli/audit.command.ts';
import { runBackup, runRestore } from './cli/backup.command.ts';
import { runParse } from './cli/parse.command.ts';
import { runSla } from './cli/sla.command.ts';
import { runSimilar } from './cli/similar.command.ts';

export class UsageError extends Error {}

const USAGE = `gongdan <command>

  start [--roles=api,worker,scheduler] [--demo-default]   run the server (default: all roles)
  migrate                                                 create or upgrade the schema
  seed --demo                                             load the demo organisation (empty database only)
  user create --email E --name N --role R [--team T]      create a user; password read from stdin
  audit verify                                            verify every audit chain; exit 1 and name the first broken record
  audit checkpoint                                        seal current chain heads into a checkpoint now
  backup <file>                                           online SQLite backup (Postgres: use pg_dump)
  restore <file>                                          restore a SQLite backup into the data dir (server stopped)
  parse                                                   field notes on stdin (one per line) → JSON lines of taxonomy codes
  sla due --calendar <id|default|24x7> --from <ISO> --minutes <N>   business-time deadline
  similar reindex                                         rebuild the similar-cases index from resolved tickets and published cards

Environment: HOST, PORT, GONGDAN_DATA_DIR, DATABASE_URL, GONGDAN_DEMO, GONGDAN_PUBLIC_URL,
GONGDAN_SECRET, GONGDAN_AUDIT_KEY, GONGDAN_TRUST_PROXY, GONGDAN_TIME_ZONE, LOG_LEVEL.
Exit codes: 0 ok, 1 failure, 2 usage error. Logs go to stderr; results to stdout.`;

/** Runs one CLI command and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (!['start', 'migrate', 'seed', 'user', 'audit', 'backup', 'restore', 'parse', 'sla', 'similar'].includes(command)) {
      throw new UsageError(`unknown command "${command}"`);
    }
    // Commands that need no database or configuration.
    if (command === 'parse') return await runParse();
    if (command === 'sla') return await runSla(rest);
    const config = loadConfig();
    switch (command) {
      case 'start': {
        const { values } = parseArgs({ args: rest, options: { roles: { type: 'string' }, 'demo-default': { type: 'boolean' } }, strict: true });
        return await runStart(config, values.roles, values['demo-default'] ?? false);
      }
      case 'migrate':
        parseArgs({ args: rest, options: {}, strict: true });
        return await runMigrate(config);
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } }, strict: true });
        if (!values.demo) throw new UsageError('seed needs --demo');
        return await runSeed(config);
      }
      case 'user':
        return await runUser(config, rest);
      case 'audit':
        return await runAudit(config, rest);
      case 'backup':
        return await runBackup(config, rest);
      case 'restore':
        return await runRestore(config, rest);
      case 'similar':
        return await runSimilar(config, rest);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`gongdan: ${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`gongdan: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`gongdan: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
