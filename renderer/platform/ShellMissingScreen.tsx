import { SHELL_MISSING_MESSAGE } from './shell-state';

/** Shown instead of the app when the desktop shell's API is missing (shell-state.ts). */
export function ShellMissingScreen() {
  return (
    <main className="error-panel" role="alert" data-testid="shell-missing">
      <h1>Bordereau ne peut pas démarrer</h1>
      <p>{SHELL_MISSING_MESSAGE}</p>
      <p>Rien n’a été enregistré ni envoyé depuis cette fenêtre.</p>
    </main>
  );
}
