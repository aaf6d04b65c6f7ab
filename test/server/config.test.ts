import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';

describe('parseConfig', () => {
  it('defaults to embedded PGlite on 127.0.0.1:8787', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: './data/pglite' },
    });
    expect(config.tokenTtlMs).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u@db/bordereau',
      PORT: '9000',
      BORDEREAU_DATA_DIR: '/srv/x',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/bordereau' });
    expect(config.port).toBe(9000);
  });

  it('names every wrong setting', () => {
    expect(() => parseConfig({ PORT: 'http', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT.*DATABASE_URL|DATABASE_URL.*PORT/,
    );
    expect(() => parseConfig({ BORDEREAU_TOMBSTONE_RETENTION_DAYS: '7' })).toThrow(
      /BORDEREAU_TOMBSTONE_RETENTION_DAYS/,
    );
  });
});
