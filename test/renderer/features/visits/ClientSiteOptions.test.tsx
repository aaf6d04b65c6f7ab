import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClientOptions, SiteOptions } from '../../../../renderer/features/visits/ClientSiteOptions';

describe('the client and site options (visits index, used by planning’s call form)', () => {
  it('name each client, valued by its id', () => {
    render(
      <select aria-label="Client">
        <ClientOptions
          clients={[
            { id: 'c1', name: 'Cabinet Durand' },
            { id: 'c2', name: 'Boulangerie Martin' },
          ]}
        />
      </select>,
    );
    const options = [...(screen.getByLabelText('Client') as HTMLSelectElement).options];
    expect(options.map((o) => [o.value, o.textContent])).toEqual([
      ['c1', 'Cabinet Durand'],
      ['c2', 'Boulangerie Martin'],
    ]);
  });

  it('name each site with its town, so two « Siège » stay apart', () => {
    render(
      <select aria-label="Site">
        <SiteOptions
          sites={[
            { id: 's1', name: 'Siège', city: 'Lyon' },
            { id: 's2', name: 'Siège', city: 'Annecy' },
          ]}
        />
      </select>,
    );
    const options = [...(screen.getByLabelText('Site') as HTMLSelectElement).options];
    expect(options.map((o) => [o.value, o.textContent])).toEqual([
      ['s1', 'Siège — Lyon'],
      ['s2', 'Siège — Annecy'],
    ]);
  });
});
