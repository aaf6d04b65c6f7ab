import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorMessage } from './ErrorBoundary';

export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="error-panel" role="alert">
        <h2>Page introuvable</h2>
        <p>
          <a href="#/clients">Revenir à la liste des clients</a>
        </p>
      </div>
    );
  }
  return <ErrorMessage error={error} onRetry={() => window.location.reload()} />;
}
