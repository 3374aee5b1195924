import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false'], { message: 'must be one of 1, 0, true, false' })
  .transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  GONGDAN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for the embedded SQLite database)')
    .optional(),
  GONGDAN_DEMO: bool.optional(),
  GONGDAN_PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://gongdan.example.com' }).optional(),
  GONGDAN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GONGDAN_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  GONGDAN_TRUST_PROXY: bool.default(false),
  GONGDAN_TIME_ZONE: z.string().default('Asia/Shanghai'),
  GONGDAN_CONFIRMATION_TTL_DAYS: z.coerce.number().positive().max(365).default(7),
  GONGDAN_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  GONGDAN_OUTBOUND_ALLOW_PRIVATE: bool.default(false),
  GONGDAN_OUTBOUND_ALLOW_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.:\-\[\]]+(,[A-Za-z0-9.:\-\[\]]+)*$/, 'must be a comma-separated list of host names or IP addresses, e.g. erp.intra,10.0.0.8')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  demo: boolean | undefined;
  publicUrl: string;
  secret: string;
  auditKey: string;
  trustProxy: boolean;
  timeZone: string;
  maxUploadBytes: number;
  /** Who webhooks and chat robots may reach; private and loopback addresses need an explicit allow. */
  outbound: { allowPrivate: boolean; allowHosts: readonly string[] };
  /** How long a customer confirmation link stays valid (issue 7). */
  confirmationTtlDays: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads a secret from the data dir, creating it on first start (single-node SQLite installs). */
function fileSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('hex');
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return value;
}

/**
 * Parses the environment once. Every bad variable is reported together, so an operator fixes
 * them in one go. Tenant settings (calendars, SLA, forms) live in the database, never here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.success && parsed.data.DATABASE_URL && !parsed.data.GONGDAN_SECRET) {
    problems.push('GONGDAN_SECRET: required with DATABASE_URL (every node must sign sessions and links with the same secret)');
  }
  if (parsed.success && !isTimeZone(parsed.data.GONGDAN_TIME_ZONE)) {
    problems.push(`GONGDAN_TIME_ZONE: unknown IANA time zone "${parsed.data.GONGDAN_TIME_ZONE}"`);
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = resolve(e.GONGDAN_DATA_DIR);
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: join(dataDir, 'gongdan.db') },
    demo: e.GONGDAN_DEMO,
    publicUrl: (e.GONGDAN_PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    secret: e.GONGDAN_SECRET ?? fileSecret(dataDir, 'secret.key'),
    auditKey: e.GONGDAN_AUDIT_KEY ?? fileSecret(dataDir, 'audit.key'),
    trustProxy: e.GONGDAN_TRUST_PROXY,
    timeZone: e.GONGDAN_TIME_ZONE,
    maxUploadBytes: Math.round(e.GONGDAN_MAX_UPLOAD_MB * 1024 * 1024),
    outbound: Object.freeze({
      allowPrivate: e.GONGDAN_OUTBOUND_ALLOW_PRIVATE,
      allowHosts: Object.freeze((e.GONGDAN_OUTBOUND_ALLOW_HOSTS ?? '').split(',').filter(Boolean).map((h) => h.toLowerCase().replace(/^\[|\]$/g, ''))),
    }),
    confirmationTtlDays: e.GONGDAN_CONFIRMATION_TTL_DAYS,
    logLevel: e.LOG_LEVEL,
  };
  return Object.freeze(config);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
