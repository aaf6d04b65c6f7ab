import { useState } from 'react';
import { equipmentLabel } from '../../../shared/visit/build-report';
import { DiscoveredEquipmentForm } from './DiscoveredEquipmentForm';
import type { WorkContextDraft } from './work-draft';

/** The equipment worked on: picked from the client's inventory, or found on site and added. */
export function WorkEquipmentFieldset({ context, work, commit }: WorkContextDraft) {
  const { visit, equipment } = context;
  const [filter, setFilter] = useState('');
  const picked = new Set(work.equipment.map((e) => e.equipmentId));
  const needle = filter.trim().toLowerCase();
  const shown = equipment
    .filter((e) => e.status !== 'retired')
    .filter(
      (e) =>
        needle === '' ||
        [equipmentLabel(e), e.serialNumber, e.assetTag, e.hostname, e.assignedUser]
          .join(' ')
          .toLowerCase()
          .includes(needle),
    )
    .slice(0, 200);

  return (
    <fieldset>
      <legend>Équipements concernés</legend>
      <label className="field">
        Rechercher dans l’inventaire
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="N° de série, modèle, utilisateur…"
        />
      </label>
      <ul className="equipment-pick">
        {shown.map((e) => (
          <li key={e.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={picked.has(e.id)}
                onChange={(event) =>
                  commit({
                    equipment: event.target.checked
                      ? [...work.equipment, { equipmentId: e.id, discoveredAt: null }]
                      : work.equipment.filter((p) => p.equipmentId !== e.id),
                  })
                }
              />
              {equipmentLabel(e)}
              {e.serialNumber && <span className="muted"> · S/N {e.serialNumber}</span>}
              {!e.covered && <span className="badge warn">Hors contrat</span>}
              {!e.declared && <span className="badge warn">Non déclaré</span>}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">Aucun équipement ne correspond.</li>}
      </ul>
      <DiscoveredEquipmentForm
        clientId={visit.clientId}
        siteId={visit.siteId}
        onAdded={(created, at) =>
          commit({
            equipment: [...work.equipment, { equipmentId: created.id, discoveredAt: at }],
          })
        }
      />
    </fieldset>
  );
}
