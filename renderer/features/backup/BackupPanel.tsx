import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date';
import {
  exportBackup,
  parseBackup,
  restoreFromBackup,
  useBackupState,
} from '../../use-cases/backup/backups';
import type { Backup } from '../../use-cases/backup/backups';
import { appDeps } from '../../use-cases/deps';
import { desktop, isDesktopShell } from '../../platform/desktop';
import { downloadText } from '../../ui/download-text';
import { formatBytes } from '../../../shared/format/bytes';
import { userMessage } from '../../ui/user-message';

type DiskBackup = { name: string; size: number; modifiedAt: number };
type Pending = { backup: Backup; source: string } | null;

/** Settings › Stockage: JSON backup and restore of the whole local database. */
export function BackupPanel() {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [diskBackups, setDiskBackups] = useState<DiskBackup[]>([]);
  const [snapshots, setSnapshots] = useState<{ folder: string; latest: number; count: number }>();
  const [busy, setBusy] = useState(false);
  const state = useBackupState();
  const auto = state?.lastAuto;
  const clientCount = state?.clientCount;

  useEffect(() => {
    void desktop.listVersionSnapshots().then((r) => {
      if (r.ok && r.value.snapshots.length > 0)
        setSnapshots({
          folder: r.value.folder,
          latest: r.value.snapshots[0]!.createdAt,
          count: r.value.snapshots.length,
        });
    });
    void desktop
      .listBackups()
      .then(
        (r) => r.ok && setDiskBackups([...r.value].sort((a, b) => b.modifiedAt - a.modifiedAt)),
      );
  }, []);

  const download = async () => {
    setBusy(true);
    try {
      const json = await exportBackup(appDeps());
      const stamp = new Date().toISOString().slice(0, 10);
      downloadText(`bordereau-sauvegarde-${stamp}.json`, json, 'application/json');
      setMessage({ tone: 'ok', text: 'Sauvegarde téléchargée.' });
    } finally {
      setBusy(false);
    }
  };

  const choose = (json: string, source: string) => {
    try {
      setPending({ backup: parseBackup(json), source });
      setMessage(null);
    } catch (error) {
      setMessage({ tone: 'error', text: userMessage(error) });
    }
  };

  const restore = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const records = await restoreFromBackup(appDeps(), pending.backup);
      setMessage({
        tone: 'ok',
        text: `Sauvegarde restaurée : ${records.toLocaleString('fr-FR')} enregistrements. Les modifications non envoyées qu’elle contient partiront à la prochaine synchronisation, qui recharge aussi tout ce que le bureau a reçu depuis.`,
      });
    } catch (error) {
      setMessage({
        tone: 'error',
        text: `Restauration annulée, les données sont inchangées : ${userMessage(error)}`,
      });
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  return (
    <div className="panel" aria-labelledby="stockage-title">
      <h2 id="stockage-title">Sauvegarde et restauration</h2>
      <p className="muted">
        Une copie complète de la base locale (clients, inventaires, interventions, file d’envoi).{' '}
        {isDesktopShell
          ? 'Une copie est aussi enregistrée sur le disque à chaque changement de version de l’application, chaque jour et après chaque signature ; les photos y sont rangées une seule fois.'
          : ''}
      </p>
      {auto && (
        <p data-testid="last-auto-backup">
          Dernière sauvegarde automatique ({formatDateTime(auto.at)}) :{' '}
          {auto.kind === 'saved'
            ? `enregistrée (${auto.name})`
            : auto.kind === 'failed'
              ? `échec — ${auto.message}`
              : '—'}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void download()} disabled={busy}>
          Télécharger une sauvegarde
        </button>
        <label className="button">
          Restaurer depuis un fichier…
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            aria-label="Fichier de sauvegarde à restaurer"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((t) => choose(t, file.name));
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {diskBackups.length > 0 && clientCount === 0 && (
        <p className="error-panel" role="alert">
          La base locale est vide alors que des sauvegardes existent sur le disque : une mise à jour
          de l’application a pu l’effacer. Restaurez la plus récente ci-dessous.
        </p>
      )}
      {diskBackups.length > 0 && (
        <>
          <h3>Sauvegardes sur le disque</h3>
          <ul>
            {diskBackups.map((b) => (
              <li key={b.name}>
                {b.name} — {formatBytes(b.size)}, {formatDateTime(b.modifiedAt)}{' '}
                <button
                  type="button"
                  onClick={() =>
                    void desktop
                      .readBackup({ name: b.name })
                      .then((r) =>
                        r.ok
                          ? choose(r.value, b.name)
                          : setMessage({ tone: 'error', text: r.error.message }),
                      )
                  }
                >
                  Restaurer
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {snapshots && (
        <p className="muted" data-testid="version-snapshots">
          {snapshots.count} copie(s) de la base faite(s) avant un changement de version, la dernière
          le {formatDateTime(snapshots.latest)}, dans {snapshots.folder}. Pour en restaurer une,
          contactez le bureau.
        </p>
      )}
      {pending && (
        <div className="error-panel" role="alertdialog" aria-label="Confirmer la restauration">
          <p>
            Restaurer « {pending.source} » (version {pending.backup.appVersion}, du{' '}
            {formatDateTime(pending.backup.createdAt)}) ? Toutes les données locales actuelles
            seront remplacées.
          </p>
          <button type="button" className="danger" onClick={() => void restore()} disabled={busy}>
            Remplacer les données par la sauvegarde
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            Annuler
          </button>
        </div>
      )}
      <h3>Démonstration</h3>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          // Loaded on demand: the generator and its French word lists are a large chunk.
          void import('../../use-cases/backup/load-demo-data')
            .then(({ loadDemoData }) =>
              loadDemoData(appDeps().db, { clientCount: 20, equipmentPerClient: 60 }),
            )
            .then((n) =>
              setMessage({
                tone: 'ok',
                text:
                  n === 0
                    ? 'Les clients de démonstration sont déjà chargés.'
                    : `${n} clients de démonstration ajoutés.`,
              }),
            )
            .catch((error: unknown) => setMessage({ tone: 'error', text: String(error) }))
            .finally(() => setBusy(false));
        }}
      >
        Charger des données de démonstration
      </button>
      {message && (
        <p role="status" className={message.tone === 'error' ? 'field-error' : 'ok-text'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
