import { useState } from 'react';
import { useSignerIdentity } from '../../use-cases/visits/use-signer-identity';
import { ProviderForm } from './ProviderForm';
import { TechnicianProfileForm } from './TechnicianProfileForm';

/** The settings block for who signs the bordereaux from this laptop. */
export function ProfileSettings() {
  // Held here: the first save changes the key below and remounts the form, which would drop its own notice.
  const [saved, setSaved] = useState<'profile' | 'provider' | null>(null);
  const data = useSignerIdentity();
  if (!data) return null;
  return (
    <>
      {/* Keys differ between the two siblings: equal keys made React keep a stale copy of a form. */}
      <TechnicianProfileForm
        key={data.profile ? 'profile-saved' : 'profile-new'}
        current={data.profile}
        saved={saved === 'profile'}
        onSaved={() => setSaved('profile')}
      />
      <ProviderForm
        key={data.provider ? 'provider-saved' : 'provider-new'}
        current={data.provider}
        saved={saved === 'provider'}
        onSaved={() => setSaved('provider')}
      />
    </>
  );
}
