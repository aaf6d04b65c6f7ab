import { NavLink, Outlet } from 'react-router';
import { NAV_ITEMS } from './nav';
import { ErrorBoundary } from './ErrorBoundary';
import { OnlineIndicator } from './OnlineIndicator';
import { RunningVisitBanner } from '../features/visits/RunningVisitBanner';

export function Layout() {
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
      <main id="contenu" className="app-main" tabIndex={-1}>
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
