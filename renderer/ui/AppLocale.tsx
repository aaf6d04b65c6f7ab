import { I18nProvider } from 'react-aria-components';
import type { ReactNode } from 'react';

/**
 * The product speaks French whatever the browser's language: react-aria's fields, dialogs and
 * menus read their locale from this provider, not from `navigator.language` (an en-US
 * Chromium would otherwise show « 11/23/2026 » and « 4:05 PM »).
 */
export const APP_LOCALE = 'fr-FR';

export function AppLocale({ children }: { children: ReactNode }) {
  return <I18nProvider locale={APP_LOCALE}>{children}</I18nProvider>;
}
