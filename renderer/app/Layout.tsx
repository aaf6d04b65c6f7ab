import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { NAV_ITEMS } from './nav';
import { ErrorBoundary } from './ErrorBoundary';
import { OnlineIndicator } from './OnlineIndicator';
import { UpdateBanner } from './UpdateBanner';
import { useAfterStartUp } from './after-start-up';

// Its own small module, shown with the first screen: a technician who reopens the app during
// a visit sees its timer at once. Not through the visits feature's index, which brings the
// screens' code along (the PDF writer, 1 MB, and its fonts): every start loaded and ran that
// before the client list could show, then the banner waited for the start-up work below.
const RunningVisitBanner = lazy(() =>
  import('../features/visits/RunningVisitBanner').then((m) => ({
    default: m.RunningVisitBanner,
  })),
);
// Loaded once the first screen is up, not with the app's entry.
const BackupFailureNotice = lazy(() =>
  import('../features/backup').then((m) => ({ default: m.BackupFailureNotice })),
);

export function Layout() {
  const navigation = useNavigation();
  const started = useAfterStartUp();
  return (
    <div className="app">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="app-header">
        <span className="brand">Bordereau</span>
        <nav aria-label="Navigation principale">
          <ul className="nav">
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <OnlineIndicator />
      </header>
      <UpdateBanner />
      <Suspense fallback={null}>
        <RunningVisitBanner />
      </Suspense>
      {started && (
        <Suspense fallback={null}>
          <BackupFailureNotice />
        </Suspense>
      )}
      {/* A screen's code loads on its first visit (routes.tsx): the old screen stays, marked busy. */}
      <main
        id="contenu"
        className="app-main"
        tabIndex={-1}
        aria-busy={navigation.state === 'loading'}
      >
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
