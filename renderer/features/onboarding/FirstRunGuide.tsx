import { Link } from 'react-router';
import { appDeps } from '../../use-cases/deps';
import { dismissFirstRunGuide, useFirstRunState } from '../../use-cases/onboarding/first-run';

/**
 * What to do first, on a new install: the company's identity and the technician's profile
 * (Paramètres), then the office server (Synchronisation); and what a technician can do before
 * and after logging in. Disappears once everything is done, or when closed.
 */
export function FirstRunGuide() {
  const state = useFirstRunState();
  if (!state || state.dismissed || (state.identity && state.server)) return null;
  return (
    <aside className="panel" aria-labelledby="first-run-title" data-testid="first-run-guide">
      <h2 id="first-run-title">Pour commencer</h2>
      <ol>
        <li>
          {state.identity ? '✓ ' : ''}
          <Link to="/parametres">Paramètres</Link> : l’identité de votre entreprise (imprimée sur
          les bordereaux), vos tarifs par défaut et votre profil de technicien (nom, signature).
        </li>
        <li>
          {state.server ? '✓ ' : ''}
          <Link to="/synchronisation">Synchronisation</Link> : l’adresse du serveur du bureau et
          votre compte (le bureau le crée pour vous).
        </li>
      </ol>
      <p className="muted">
        Sans compte, tout fonctionne sur cet ordinateur : créer des clients et leurs sites, importer
        un inventaire, faire les visites et faire signer les bordereaux. À la première connexion,
        vous verrez ce qui sera envoyé avant de confirmer ; rien n’est effacé. Les clients que vous
        créez arrivent au bureau « créés sur le terrain, à valider » ; les contrats sont saisis par
        le bureau (en attendant, les tarifs par défaut s’appliquent). Une fois connecté, vous
        recevez les clients que le bureau vous attribue et vos bordereaux signés lui parviennent.
      </p>
      <button type="button" onClick={() => void dismissFirstRunGuide(appDeps())}>
        Masquer ce guide
      </button>
    </aside>
  );
}
