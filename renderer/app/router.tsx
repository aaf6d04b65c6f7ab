import { createHashRouter } from 'react-router';
import { AppLocale } from '../ui/AppLocale';
import { Layout } from './Layout';
import { RouteError } from './RouteError';
import { featureRoutes } from './routes';

// Hash routing: the same build works from Electron's app:// protocol, from `npm run web` and
// from a static file server, with no server-side fallback to index.html needed.
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      // fr-FR for react-aria's fields, dialogs and menus, whatever the browser's language.
      element: (
        <AppLocale>
          <Layout />
        </AppLocale>
      ),
      errorElement: <RouteError />,
      children: featureRoutes,
    },
  ]);
}
