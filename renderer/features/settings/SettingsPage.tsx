import { useEffect, useState } from 'react';
import { desktop, isDesktopShell } from '../../platform/desktop';
import { tokenProtectionWarning } from './token-protection';
import { BackupPanel } from '../backup';
import { StorageUsage } from './StorageUsage';
import { UpdatePanel } from './UpdatePanel';
import { ProfileSettings } from '../visits';
import { DefaultRatesSettings } from './DefaultRatesSettings';

export function SettingsPage() {
  const [version, setVersion] = useState<string | null>(null);
  const [tokenWarning, setTokenWarning] = useState<string | null>(null);
  useEffect(() => {
    void tokenProtectionWarning(desktop, isDesktopShell).then(setTokenWarning);
  }, []);
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
      {tokenWarning && (
        <p className="error-panel" role="alert" data-testid="token-warning">
          {tokenWarning}
        </p>
      )}
      <UpdatePanel />
      <ProfileSettings />
      <DefaultRatesSettings />
      <StorageUsage />
      <BackupPanel />
    </section>
  );
}
