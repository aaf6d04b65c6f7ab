import { useOnlineStatus } from './useOnlineStatus';

export function OnlineIndicator() {
  const online = useOnlineStatus();
  return (
    <span
      className={online ? 'status status-online' : 'status status-offline'}
      role="status"
      aria-live="polite"
    >
      <span className="status-dot" aria-hidden="true" />
      {online ? 'En ligne' : 'Hors ligne'}
    </span>
  );
}
