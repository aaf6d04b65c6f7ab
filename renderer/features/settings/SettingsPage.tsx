import { useEffect, useState } from 'react';
import { desktop } from '../../platform/desktop';
import { BackupPanel } from '../backup/BackupPanel';
import { StorageUsage } from './StorageUsage';
import { ProfileSettings } from '../visits/ProfileSettings';

export function SettingsPage() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void desktop
      .appInfo()
      .then((r) =>
        setVersion(
          r.ok
            ? `${r.value.version} (${r.value.platform === 'desktop' ? 'bureau' : 'navigateur'})`
            : null,
        ),
      );
  }, []);
  return (
    <section>
      <h1>Paramètres</h1>
      <dl className="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{version ?? '…'}</dd>
      </dl>
      <ProfileSettings />
      <StorageUsage />
      <BackupPanel />
    </section>
  );
}
