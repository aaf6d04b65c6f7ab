import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  putIntoAppDb,
  readAppDb,
  newFrenchContext,
  type RendererServer,
  screenshot,
  useRendererInChromium,
} from './harness';
import { CLIENT_ID, CONTRACT_ID, lefevreClient, T0 } from './lefevre-office';
import { typeDate } from './date-input';

const OFFICE_SESSION = {
  key: 'sync.session',
  value: {
    serverUrl: 'https://bureau.example.fr',
    account: {
      id: '0192b3c4-0000-7000-8000-0000000000b1',
      email: 'bureau@example.fr',
      name: 'Bureau',
      role: 'office',
    },
    expiresAt: null,
  },
};

/** A 002-like contract indexed on SYNTEC, signed 15 March 2025 at S0 = 300, 450 € a month. */
function seedRecords() {
  const meta = { revision: 1, updatedAt: T0 - 86_400_000 };
  return {
    clients: [{ id: CLIENT_ID, ...meta, ...lefevreClient }],
    contracts: [
      {
        id: CONTRACT_ID,
        ...meta,
        clientId: CLIENT_ID,
        reference: 'INF-PME-2025-007',
        startsOn: '2025-03-15',
        hourlyRateCents: 6500,
        roundTimeUpToEuro: true,
        coverage: { subscriptionPriceCents: 45000 },
        articles: { syntec: '002 art. IV.2.3' },
        syntec: { index: '300', revisedOn: '2025-03-15', rounding: 'euro-up' },
      },
    ],
    settings: [OFFICE_SESSION],
  };
}

/** The contract as IndexedDB holds it after the office's action. */
async function storedContract(page: Page): Promise<Record<string, unknown>> {
  const stored = (await readAppDb(page, 'contracts')).find((c) => c['id'] === CONTRACT_ID);
  if (!stored) throw new Error(`contrat ${CONTRACT_ID} absent de la base`);
  return stored;
}

const flat = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('the office applies a SYNTEC revision, in real Chromium (002 art. IV.2.3)', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('lists the contract due on its anniversary, shows old and new price, and applying writes the history', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // 16 March 2026: the first anniversary has come.
    await page.clock.setFixedTime(Date.UTC(2026, 2, 16, 9, 0));
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    await putIntoAppDb(page, seedRecords());
    await page.goto(`${server.url}#/bureau`);
    await page.reload();

    const table = page.getByRole('table', { name: 'Contrats à réviser' });
    await expect.poll(async () => flat(await table.textContent())).toContain('INF-PME-2025-007');
    const row = flat(await table.textContent());
    expect(row).toContain('15/03/2026');
    expect(row).toContain('à appliquer');
    expect(row).toContain('base chaînée (S0 = 300)');
    expect(row).toContain('450,00 € HT');

    await page.getByRole('button', { name: 'Réviser' }).click();
    const form = page.getByRole('form', { name: 'Révision SYNTEC INF-PME-2025-007' });
    await form.getByLabel('Indice SYNTEC publié (S1)').fill('306,5');
    await typeDate(form, 'Mois de l’indice', '2026-01');
    // 450 × 306,5 / 300 = 459,75 → 460 € under the contract's rounding clause.
    await expect
      .poll(async () =>
        flat(await form.getByRole('status', { name: 'Nouveau prix' }).textContent()),
      )
      .toBe('450,00 € × 306,5 / 300 → 460,00 € HT');
    await screenshot(page, 'syntec-revision');
    await form.getByRole('button', { name: 'Appliquer la révision' }).click();
    await expect
      .poll(async () => flat(await page.getByText(/^Révision appliquée/).textContent()))
      .toContain('Révision appliquée au contrat INF-PME-2025-007 : 450,00 € → 460,00 € HT');

    const stored = await storedContract(page);
    expect(stored['coverage']).toMatchObject({ subscriptionPriceCents: 46000 });
    expect(stored['syntec']).toMatchObject({
      index: '306,5',
      revisedOn: '2026-03-15',
      history: [
        {
          on: '2026-03-15',
          s0: '300',
          s1: '306,5',
          fromCents: 45000,
          toCents: 46000,
          indexMonth: '2026-01',
        },
      ],
    });
    // Next due a year later, from the revised price.
    await expect.poll(async () => flat(await table.textContent())).toContain('15/03/2027');
    expect(flat(await table.textContent())).toContain('460,00 € HT');
    expect(errors).toEqual([]);
    await context.close();
  });
});
