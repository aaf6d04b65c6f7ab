import { NavLink, Outlet, useNavigation } from 'react-router';
import { NAV_ITEMS } from './nav';
import { ErrorBoundary } from './ErrorBoundary';
import { OnlineIndicator } from './OnlineIndicator';
import { RunningVisitBanner } from '../features/visits';
import { BackupFailureNotice } from '../features/backup';

export function Layout() {
  const navigation = useNavigation();
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
      <RunningVisitBanner />
      <BackupFailureNotice />
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
