import { createHashRouter } from 'react-router';
import { Layout } from './Layout';
import { RouteError } from './RouteError';
import { featureRoutes } from './routes';

// Hash routing: the same build works from Electron's app:// protocol, from `npm run web` and
// from a static file server, with no server-side fallback to index.html needed.
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Layout />,
      errorElement: <RouteError />,
      children: featureRoutes,
    },
  ]);
}
