import { Component, type ErrorInfo, type ReactNode } from 'react';
import { userMessage } from '../ui/user-message';

type Props = { children: ReactNode };
type State = { error: Error | null };

/** Keeps a rendering bug in one screen from blanking the whole app, and says so in French. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Erreur d’affichage', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorMessage error={this.state.error} onRetry={() => this.setState({ error: null })} />
      );
    }
    return this.props.children;
  }
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const detail = userMessage(error, String(error));
  return (
    <div className="error-panel" role="alert">
      <h2>Cet écran a rencontré une erreur</h2>
      <p>Vos données enregistrées ne sont pas perdues. Vous pouvez réessayer ou changer d’écran.</p>
      <details>
        <summary>Détail technique</summary>
        <pre>{detail}</pre>
      </details>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </div>
  );
}
