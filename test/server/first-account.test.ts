import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { ensureFirstOfficeAccount } from '../../server/first-account';
import { count, openTestDatabase } from './helpers';

describe('the first office account, created by the server on first start', () => {
  let db: Database;
  beforeAll(async () => {
    db = (await openTestDatabase('pglite')).db;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('says it is missing when neither the environment nor a terminal gives it', async () => {
    expect(await ensureFirstOfficeAccount(db, { env: {}, ask: null, now: 1 })).toEqual({
      kind: 'missing',
    });
  });

  it('refuses a weak password from the environment, writing nothing', async () => {
    await expect(
      ensureFirstOfficeAccount(db, {
        env: { BORDEREAU_FIRST_OFFICE_EMAIL: 'a@b.fr', BORDEREAU_FIRST_OFFICE_PASSWORD: 'court' },
        ask: null,
        now: 1,
      }),
    ).rejects.toThrow(/12 caractères/);
    expect(await count(db, 'SELECT count(*) AS n FROM accounts')).toBe(0);
  });

  it('asks on the terminal, then never again once an office account exists', async () => {
    const answers = ['Bureau@Exemple.fr', 'Le bureau', 'un mot de passe solide'];
    const asked: string[] = [];
    const ask = async (question: string) => {
      asked.push(question);
      return answers.shift()!;
    };
    expect(await ensureFirstOfficeAccount(db, { env: {}, ask, now: 1 })).toEqual({
      kind: 'created',
      email: 'bureau@exemple.fr',
    });
    expect(asked).toHaveLength(3);
    expect(
      await ensureFirstOfficeAccount(db, {
        env: {
          BORDEREAU_FIRST_OFFICE_EMAIL: 'x@y.fr',
          BORDEREAU_FIRST_OFFICE_PASSWORD: 'x'.repeat(12),
        },
        ask,
        now: 2,
      }),
    ).toEqual({ kind: 'exists' });
    expect(await count(db, `SELECT count(*) AS n FROM accounts WHERE role = 'office'`)).toBe(1);
  });
});
