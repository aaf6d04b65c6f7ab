import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { BLOB_DEFAULTS } from './blobs/blob-defaults';
import { DEFAULT_ALLOWED_ORIGINS } from './http/cors';

/**
 * Fastify's `trustProxy`, in the forms an environment variable can give. No hop count: this
 * Fastify trusts nothing when given one (it cannot check the immediate peer).
 */
export type TrustProxy = boolean | string[];

/** Address ranges proxy-addr (Fastify's trustProxy) knows by name. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a CIDR range (10.0.0.0/8, fd00::/8) or a range name. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * `false` (default: clients connect directly, X-Forwarded-For is ignored), `true` (trust every
 * hop: only when nothing but the proxy can reach the server), or the proxies' addresses,
 * comma-separated. A hop count is refused rather than silently ignored (see TrustProxy).
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'un nombre de proxys n’est pas accepté : donnez l’adresse IP du proxy (ex. 127.0.0.1)',
      });
      return z.NEVER;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `true, false ou des adresses IP / plages CIDR séparées par des virgules (refusé : ${wrong.map((w) => `« ${w} »`).join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** The server's settings, all from the environment, checked at start with precise messages. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres:// ou postgresql://')
    .optional(),
  /** PGlite data directory (embedded mode only). */
  BORDEREAU_DATA_DIR: z.string().min(1).default('./data/pglite'),
  /** Blob files (embedded mode only); by default `blobs` beside the PGlite directory. */
  BORDEREAU_BLOB_DIR: z.string().min(1).optional(),
  /** Mebibytes of blobs (photos, PDFs) one account may upload. */
  BORDEREAU_BLOB_QUOTA_MB: z.coerce
    .number()
    .int()
    .min(1)
    .default(BLOB_DEFAULTS.quotaBytes / 1024 / 1024),
  /** Blob uploads received at once; the others wait their turn. */
  BORDEREAU_MAX_CONCURRENT_UPLOADS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(BLOB_DEFAULTS.maxConcurrentUploads),
  /** How long a login token lasts. */
  BORDEREAU_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Tombstones are kept this long; longer than any laptop stays offline. */
  BORDEREAU_TOMBSTONE_RETENTION_DAYS: z.coerce.number().int().min(30).default(180),
  /** Login attempts per IP address and minute. */
  BORDEREAU_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /**
   * Extra browser origins allowed to call the API, comma-separated (for example a renderer
   * served on another port). The desktop app and the local dev server are always allowed.
   */
  BORDEREAU_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/,
            'chaque origine s’écrit schéma://hôte[:port], sans chemin ni barre finale',
          ),
      ),
    ),
  /** The reverse proxy (TLS) in front of the server, whose X-Forwarded-For is believed. */
  BORDEREAU_TRUST_PROXY: trustProxySchema,
  /**
   * Allow browser pages served from this computer on any port (1/0). Default: on when the
   * server listens on a loopback address (development), off otherwise.
   */
  BORDEREAU_ALLOW_LOOPBACK_ORIGINS: z.enum(['0', '1']).optional(),
});

export type ServerConfig = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  tokenTtlMs: number;
  tombstoneRetentionMs: number;
  loginRatePerMinute: number;
  allowedOrigins: string[];
  allowLoopbackOrigins: boolean;
  trustProxy: TrustProxy;
  blobs: { dir: string | undefined; quotaBytes: number; maxConcurrentUploads: number };
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration invalide : ${details}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.BORDEREAU_DATA_DIR },
    tokenTtlMs: e.BORDEREAU_TOKEN_TTL_DAYS * DAY_MS,
    tombstoneRetentionMs: e.BORDEREAU_TOMBSTONE_RETENTION_DAYS * DAY_MS,
    loginRatePerMinute: e.BORDEREAU_LOGIN_RATE_PER_MINUTE,
    allowedOrigins: [...new Set([...DEFAULT_ALLOWED_ORIGINS, ...e.BORDEREAU_ALLOWED_ORIGINS])],
    allowLoopbackOrigins:
      e.BORDEREAU_ALLOW_LOOPBACK_ORIGINS === undefined
        ? ['127.0.0.1', 'localhost', '::1'].includes(e.HOST)
        : e.BORDEREAU_ALLOW_LOOPBACK_ORIGINS === '1',
    trustProxy: e.BORDEREAU_TRUST_PROXY,
    blobs: {
      // PostgreSQL keeps blobs in the database (instances stay stateless): no directory.
      dir: e.DATABASE_URL
        ? undefined
        : (e.BORDEREAU_BLOB_DIR ?? join(dirname(e.BORDEREAU_DATA_DIR), 'blobs')),
      quotaBytes: e.BORDEREAU_BLOB_QUOTA_MB * 1024 * 1024,
      maxConcurrentUploads: e.BORDEREAU_MAX_CONCURRENT_UPLOADS,
    },
  };
}
