import { Link } from 'react-router';
import { useSignedInAccount } from '../../use-cases/admin/use-admin';
import { AccountsPanel } from './AccountsPanel';
import { AssignmentsPanel } from './AssignmentsPanel';
import { ValidationQueue } from './ValidationQueue';

/** Office administration: the validation queue, accounts and assignments (office role only). */
export function AdminPage() {
  const account = useSignedInAccount();
  if (account === undefined) return <p className="muted">Chargement…</p>;
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
