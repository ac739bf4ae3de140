/**
 * The hiring desk's settings, read from the environment by the cms and the portal alike.
 *
 * Every setting has a default that works on one machine (SQLite, local files, mail kept in a
 * development inbox). A missing required value or a malformed one stops start-up with a
 * message that names the variable, so a wrong deployment fails loudly and early.
 */

export type NodeEnv = 'development' | 'test' | 'production';

export interface Settings {
  nodeEnv: NodeEnv;
  /** True unless NODE_ENV is production: turns on demo data and the development inbox. */
  isDevelopment: boolean;
  cms: {
    host: string;
    port: number;
    /** Where the portal's server reaches the cms. */
    url: string;
    /** The cms's own public address, used in links to the admin. */
    publicUrl: string;
  };
  portal: {
    host: string;
    port: number;
    /** The portal's public address, used in links in mails. */
    publicUrl: string;
    /** Minutes without activity after which a portal session ends. */
    sessionIdleMinutes: number;
  };
  database: {
    client: 'sqlite' | 'postgres';
    /** SQLite file, relative to the cms folder; used when DATABASE_URL is empty. */
    filename: string;
    url: string | null;
    poolMax: number;
  };
  secrets: {
    appKeys: string[];
    apiTokenSalt: string;
    adminJwtSecret: string;
    transferTokenSalt: string;
    jwtSecret: string;
    /** 32 bytes, base64: encrypts secrets at rest (for example authenticator secrets). */
    encryptionKey: string;
    /** Shared by portal and cms: the portal proves with it that forwarded visitor data is its own. */
    portalApiKey: string;
  };
  mail: {
    /** SMTP server to send through; null keeps mail in the development inbox. */
    smtpUrl: string | null;
    from: string;
    workerIntervalSeconds: number;
    maxAttempts: number;
    defaultLocale: 'nl' | 'en';
  };
  files: {
    /** Private files (CVs, extracts, invoices), relative to the cms folder. */
    dir: string;
    /** S3-compatible object storage for the private files; null keeps them on local disk. */
    s3: S3Settings | null;
  };
  redisUrl: string | null;
  demoData: boolean;
  jobs: {
    /** Scheduled work (mail worker, closing requests); off in tests, which run jobs by hand. */
    enabled: boolean;
  };
}

/** A bucket of S3-compatible object storage (AWS S3, MinIO, Ceph, Scaleway, ...). */
export interface S3Settings {
  /** The service's address, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000. */
  endpoint: string;
  bucket: string;
  /** The region requests are signed for; S3-compatible servers mostly take us-east-1. */
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The bucket in the path (endpoint/bucket/key) rather than in the host name (bucket.endpoint). */
  pathStyle: boolean;
  /** Put before every key, e.g. "desk/", to share a bucket. */
  prefix: string;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The hiring desk cannot start: ${problems.length === 1 ? 'a setting is' : 'settings are'} ` +
        `wrong.\n  - ${problems.join('\n  - ')}\nSee .env.example for every setting and its default.`,
    );
    this.name = 'SettingsError';
  }
}

type Env = Record<string, string | undefined>;

/** Development-only secrets: good enough on one machine, refused in production. */
const DEVELOPMENT_SECRETS = {
  APP_KEYS: 'devKeyOne0123456789==,devKeyTwo0123456789==',
  API_TOKEN_SALT: 'development-api-token-salt',
  ADMIN_JWT_SECRET: 'development-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'development-transfer-token-salt',
  JWT_SECRET: 'development-jwt-secret',
  ENCRYPTION_KEY: 'ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=',
  PORTAL_API_KEY: 'development-portal-api-key',
} as const;

/** Reads and checks all settings; throws one SettingsError naming every wrong variable. */
export function loadSettings(env: Env = process.env): Settings {
  const reader = new EnvReader(env);
  const nodeEnv = reader.oneOf('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnv === 'production';

  const cmsPort = reader.port('CMS_PORT', 1337);
  const portalPort = reader.port('PORTAL_PORT', 4321);
  const databaseUrl = reader.url('DATABASE_URL', null, ['postgres:', 'postgresql:']);

  const settings: Settings = {
    nodeEnv,
    isDevelopment: !production,
    cms: {
      host: reader.text('CMS_HOST', '0.0.0.0'),
      port: cmsPort,
      url: reader.url('CMS_URL', `http://127.0.0.1:${cmsPort}`, ['http:', 'https:'])!,
      publicUrl: reader.url('CMS_PUBLIC_URL', `http://localhost:${cmsPort}`, ['http:', 'https:'])!,
    },
    portal: {
      host: reader.text('PORTAL_HOST', '0.0.0.0'),
      port: portalPort,
      publicUrl: reader.url('PORTAL_PUBLIC_URL', `http://localhost:${portalPort}`, [
        'http:',
        'https:',
      ])!,
      sessionIdleMinutes: reader.integer('SESSION_IDLE_MINUTES', 120, 5, 24 * 60),
    },
    database: {
      client: databaseUrl ? 'postgres' : 'sqlite',
      filename: reader.text('DATABASE_FILENAME', '.tmp/data.db'),
      url: databaseUrl,
      poolMax: reader.integer('DATABASE_POOL_MAX', 10, 1, 200),
    },
    secrets: {
      appKeys: reader
        .secret('APP_KEYS', production)
        .split(',')
        .map((key) => key.trim()),
      apiTokenSalt: reader.secret('API_TOKEN_SALT', production),
      adminJwtSecret: reader.secret('ADMIN_JWT_SECRET', production),
      transferTokenSalt: reader.secret('TRANSFER_TOKEN_SALT', production),
      jwtSecret: reader.secret('JWT_SECRET', production),
      encryptionKey: reader.encryptionKey('ENCRYPTION_KEY', production),
      portalApiKey: reader.secret('PORTAL_API_KEY', production),
    },
    mail: {
      smtpUrl: reader.url('SMTP_URL', null, ['smtp:', 'smtps:']),
      from: reader.mailbox('MAIL_FROM', 'Hiring desk <desk@hiring-desk.local>'),
      workerIntervalSeconds: reader.integer('MAIL_WORKER_INTERVAL_SECONDS', 5, 1, 3600),
      maxAttempts: reader.integer('MAIL_MAX_ATTEMPTS', 10, 1, 100),
      defaultLocale: reader.oneOf('MAIL_DEFAULT_LOCALE', ['nl', 'en'], 'nl'),
    },
    files: { dir: reader.text('FILES_DIR', '.files'), s3: s3Settings(reader, env) },
    redisUrl: reader.url('REDIS_URL', null, ['redis:', 'rediss:']),
    demoData: reader.boolean('DEMO_DATA', !production),
    jobs: { enabled: reader.boolean('JOBS_ENABLED', true) },
  };

  if (production && !settings.mail.smtpUrl) {
    reader.problems.push('SMTP_URL is required in production: mail must leave the machine.');
  }
  if (reader.problems.length > 0) throw new SettingsError(reader.problems);
  return settings;
}

const S3_VARIABLES = [
  'FILES_S3_BUCKET',
  'FILES_S3_ENDPOINT',
  'FILES_S3_REGION',
  'FILES_S3_ACCESS_KEY_ID',
  'FILES_S3_SECRET_ACCESS_KEY',
  'FILES_S3_PATH_STYLE',
  'FILES_S3_PREFIX',
];

/** Object storage, on when FILES_S3_BUCKET is set; then the endpoint and both keys are needed. */
function s3Settings(reader: EnvReader, env: Env): S3Settings | null {
  const given = S3_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
  if (given.length === 0) return null;
  if (!given.includes('FILES_S3_BUCKET')) {
    reader.problems.push(
      `FILES_S3_BUCKET is required with ${given.join(', ')}: it turns object storage on.`,
    );
    return null;
  }
  const bucket = reader.text('FILES_S3_BUCKET', '');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    reader.problems.push(
      `FILES_S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens; it is "${truncate(bucket)}".`,
    );
  }
  const prefix = reader.text('FILES_S3_PREFIX', '');
  if (!/^[A-Za-z0-9._\/-]*$/.test(prefix) || prefix.startsWith('/')) {
    reader.problems.push(
      `FILES_S3_PREFIX must be letters, digits and . _ - / and not start with /; it is "${truncate(prefix)}".`,
    );
  }
  for (const name of [
    'FILES_S3_ENDPOINT',
    'FILES_S3_ACCESS_KEY_ID',
    'FILES_S3_SECRET_ACCESS_KEY',
  ]) {
    if (!given.includes(name)) reader.problems.push(`${name} is required with FILES_S3_BUCKET.`);
  }
  const region = reader.text('FILES_S3_REGION', 'us-east-1');
  if (!/^[a-z0-9-]{2,40}$/.test(region)) {
    reader.problems.push(
      `FILES_S3_REGION must be a region name such as eu-central-1; it is "${truncate(region)}".`,
    );
  }
  return {
    endpoint: reader.url('FILES_S3_ENDPOINT', '', ['http:', 'https:']) ?? '',
    bucket,
    region,
    accessKeyId: reader.text('FILES_S3_ACCESS_KEY_ID', ''),
    secretAccessKey: reader.text('FILES_S3_SECRET_ACCESS_KEY', ''),
    pathStyle: reader.boolean('FILES_S3_PATH_STYLE', true),
    prefix,
  };
}

/** Collects problems instead of stopping at the first, so one start names them all. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  private fail<T>(name: string, expected: string, got: string, fallback: T): T {
    this.problems.push(`${name} must be ${expected}; it is "${truncate(got)}".`);
    return fallback;
  }

  text(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    return value.length > 500 ? this.fail(name, 'at most 500 characters', value, fallback) : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      return this.fail(name, `a whole number from ${min} to ${max}`, value, fallback);
    }
    return Number(value);
  }

  port(name: string, fallback: number): number {
    return this.integer(name, fallback, 1, 65535);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    return this.fail(name, 'true or false', value, fallback);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    return (allowed as readonly string[]).includes(value)
      ? (value as T)
      : this.fail(name, `one of ${allowed.join(', ')}`, value, fallback);
  }

  url(name: string, fallback: string | null, protocols: string[]): string | null {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    try {
      const parsed = new URL(value);
      if (protocols.includes(parsed.protocol)) return value.replace(/\/$/, '');
    } catch {
      // Reported below with the expected form.
    }
    const forms = protocols.map((protocol) => `${protocol}//…`).join(' or ');
    return this.fail(name, `a URL starting with ${forms}`, redactUrl(value), fallback);
  }

  mailbox(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    const address = /<([^<>]+)>$/.exec(value)?.[1] ?? value;
    return /^[^\s@]+@[^\s@]+$/.test(address)
      ? value
      : this.fail(name, 'an e-mail address, optionally as "Name <address>"', value, fallback);
  }

  secret(name: keyof typeof DEVELOPMENT_SECRETS, production: boolean): string {
    const value = this.raw(name);
    if (value !== undefined) {
      return value.length < 16 ? this.fail(name, 'at least 16 characters', '…', value) : value;
    }
    if (production) this.problems.push(`${name} is required in production.`);
    return DEVELOPMENT_SECRETS[name];
  }

  encryptionKey(name: 'ENCRYPTION_KEY', production: boolean): string {
    const value = this.secret(name, production);
    return Buffer.from(value, 'base64').length === 32
      ? value
      : this.fail(name, '32 bytes written in base64 (openssl rand -base64 32)', '…', value);
  }
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Never echo a password that sits inside a connection URL. */
function redactUrl(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
