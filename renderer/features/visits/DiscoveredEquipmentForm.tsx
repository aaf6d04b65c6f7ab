import { useState } from 'react';
import { CATEGORY_LABELS, EQUIPMENT_CATEGORIES } from '../../../shared/inventory/category';
import type { EquipmentCategory } from '../../../shared/inventory/category';
import type { Equipment } from '../../../shared/inventory/equipment';
import { appDeps } from '../../use-cases/deps';
import { discoverEquipment } from '../../use-cases/visits/discover-equipment';
import { userMessage } from '../../ui/user-message';
import { FormError } from '../../ui/FormError';

/**
 * Equipment found on site that the client never declared (002 art. IV.2.1): added to the
 * inventory as not declared, with today's discovery date, and not covered until the office
 * adds it to the contract's annex.
 */
export function DiscoveredEquipmentForm({
  clientId,
  siteId,
  onAdded,
}: {
  clientId: string;
  siteId: string;
  onAdded: (equipment: Equipment, at: number) => void;
}) {
  const [category, setCategory] = useState<EquipmentCategory>('desktop');
  const [brand, setBrand] = useState('');
  const [model, setModel] = useState('');
  const [serialNumber, setSerialNumber] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    try {
      const { equipment: created, at } = await discoverEquipment(appDeps(), {
        clientId,
        siteId,
        category,
        brand,
        model,
        serialNumber,
      });
      setBrand('');
      setModel('');
      setSerialNumber('');
      setError(null);
      onAdded(created, at);
    } catch (e) {
      setError(userMessage(e, 'Équipement non enregistré.'));
    }
  };

  return (
    <fieldset className="discovered">
      <legend>Équipement découvert sur site (non déclaré)</legend>
      <div className="grid-4">
        <label className="field">
          Catégorie
          <select
            value={category}
            onChange={(e) => setCategory(e.target.value as EquipmentCategory)}
          >
            {EQUIPMENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Marque
          <input value={brand} onChange={(e) => setBrand(e.target.value)} />
        </label>
        <label className="field">
          Modèle
          <input value={model} onChange={(e) => setModel(e.target.value)} />
        </label>
        <label className="field">
          N° de série
          <input value={serialNumber} onChange={(e) => setSerialNumber(e.target.value)} />
        </label>
      </div>
      <button type="button" onClick={() => void add()}>
        Ajouter à l’inventaire et à l’intervention
      </button>
      <FormError message={error} />
    </fieldset>
  );
}
