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

  it('trusts no proxy by default, and reads BORDEREAU_TRUST_PROXY as Fastify’s trustProxy', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ BORDEREAU_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(parseConfig({ BORDEREAU_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ BORDEREAU_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(
      parseConfig({ BORDEREAU_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' })
        .trustProxy,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
  });

  it('names BORDEREAU_TRUST_PROXY when it is neither a boolean nor addresses (no hop count)', () => {
    for (const value of [
      'yes',
      '0',
      '1',
      '10.0.0.0/33',
      'proxy.example.fr',
      '10.0.0.1,,x',
      '::1/129',
    ]) {
      expect(() => parseConfig({ BORDEREAU_TRUST_PROXY: value }), value).toThrow(
        /BORDEREAU_TRUST_PROXY/,
      );
    }
  });
});
