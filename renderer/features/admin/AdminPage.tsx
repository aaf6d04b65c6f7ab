import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { getDb } from '../../db/database';
import { readStoredSession } from '../../sync/session';
import { AccountsPanel } from './AccountsPanel';
import { AssignmentsPanel } from './AssignmentsPanel';
import { ValidationQueue } from './ValidationQueue';

/** Office administration: the validation queue, accounts and assignments (office role only). */
export function AdminPage() {
  const db = getDb();
  const session = useLiveQuery(() => readStoredSession(db), [db]);
  if (session === undefined) return <p className="muted">Chargement…</p>;
  const account = session?.account ?? null;
  if (!account || account.role !== 'office') {
    return (
      <section>
        <h1>Administration</h1>
        <p>
          Réservée aux comptes du bureau, connectés au serveur du bureau :{' '}
          <Link to="/synchronisation">se connecter</Link>.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Administration</h1>
      <ValidationQueue />
      <AccountsPanel selfId={account.id} />
      <AssignmentsPanel />
    </section>
  );
}
