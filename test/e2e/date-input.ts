import type { Locator, Page } from 'playwright-core';

/**
 * Types a value into one of the app's fr-FR segmented fields (renderer/ui/DateField,
 * TimeField, DateTimeField, MonthField) found by its label, as a user would: `fill` does not
 * work on segments. The value is given in the stored form — "2026-11-23", "08:30",
 * "2026-11-23T08:50" or "2026-01", or '' to empty a date or time field — and typed in the
 * field's order (day, month, year, hour, minute).
 */
export async function typeDate(scope: Page | Locator, label: string, value: string) {
  const page = 'keyboard' in scope ? scope : scope.page();
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    await scope.getByLabel(`${label} : mois`, { exact: true }).selectOption(month[2]!);
    await scope.getByLabel(`${label} : année`, { exact: true }).fill(month[1]!);
    return;
  }
  if (value === '') {
    // Emptied as a user would: each segment cleared with Backspace, last one first.
    const segments = scope.getByRole('group', { name: label, exact: true }).getByRole('spinbutton');
    for (let i = (await segments.count()) - 1; i >= 0; i--) {
      await segments.nth(i).click();
      for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    }
    await page.keyboard.press('Tab');
    return;
  }
  const parts = /^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}))?$/.exec(value);
  if (!parts || value === '') throw new Error(`typeDate: valeur non reconnue ${value}`);
  const [, year, mm, dd, hh, min] = parts;
  const keys = (year ? `${dd}${mm}${year}` : '') + (hh ? `${hh}${min}` : '');
  const field = scope.getByRole('group', { name: label, exact: true });
  await field.getByRole('spinbutton').first().click();
  await page.keyboard.type(keys);
  // Leaving the field confirms it, as a user tabbing on would.
  await page.keyboard.press('Tab');
}

/** What a segmented field shows, without the bidi marks around its segments. */
export async function dateFieldText(scope: Page | Locator, label: string): Promise<string> {
  const text = await scope.getByRole('group', { name: label, exact: true }).textContent();
  return (text ?? '').replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim();
}
