import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format/date';
import { BACKUP_KIND_LABELS, useBackupFailure } from '../../use-cases/backup/backups';

/**
 * On every screen while the last disk copy failed (a full disk, a locked folder): the
 * technician learns it the day it happens, not the day the copy is needed.
 */
export function BackupFailureNotice() {
  const failure = useBackupFailure();
  if (!failure) return null;
  return (
    <p className="error-panel" role="alert" data-testid="backup-failure">
      La copie de sécurité {BACKUP_KIND_LABELS[failure.kind]} du {formatDateTime(failure.at)} n’a
      pas pu être enregistrée sur le disque : {failure.message}{' '}
      <Link to="/parametres">Voir les sauvegardes</Link>
    </p>
  );
}
