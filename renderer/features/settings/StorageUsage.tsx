import { useEffect, useState } from 'react';
import { formatBytes } from '../../../shared/format/bytes';

type Usage = { usage: number; quota: number; persisted: boolean };

/** Shows how much of the browser's storage quota the local database uses. */
export function StorageUsage() {
  const [usage, setUsage] = useState<Usage | null>(null);
  useEffect(() => {
    let cancelled = false;
    const measure = async () => {
      if (!navigator.storage?.estimate) return;
      const [estimate, persisted] = await Promise.all([
        navigator.storage.estimate(),
        navigator.storage.persisted?.() ?? false,
      ]);
      if (!cancelled)
        setUsage({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted });
    };
    void measure();
    // Loading demo data or restoring a backup on this page changes the figure: measure again.
    const timer = setInterval(() => void measure(), 5_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  if (!usage) return null;
  return (
    <div className="panel">
      <h2>Stockage local</h2>
      <p data-testid="storage-usage">
        {formatBytes(usage.usage)} utilisés sur {formatBytes(usage.quota)} disponibles
        {usage.persisted ? ' · stockage persistant accordé' : ' · stockage persistant non accordé'}
      </p>
    </div>
  );
}
