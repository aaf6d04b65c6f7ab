import type { EquipmentCategory } from '../../../shared/inventory/category';
import type { DistinctValue, ValueMapping } from '../../../shared/inventory/csv/value-mapping';
import { knownCategory, knownStatus } from '../../../shared/inventory/csv/value-mapping';
import { EQUIPMENT_STATUSES, STATUS_LABELS } from '../../../shared/inventory/equipment';
import type { EquipmentStatus } from '../../../shared/inventory/equipment';
import { CategoryOptions } from './CategoryOptions';

/**
 * Every category and status value of the file, with its row count, mapped to ours: guessed
 * (or as chosen at this client's last import), editable. A value we do not know is imported
 * as chosen here ("Autre" by default), its label kept on the equipment.
 */
export function ValueMappingPanel({
  categories,
  statuses,
  values,
  onChange,
}: {
  categories: readonly DistinctValue[];
  statuses: readonly DistinctValue[];
  values: ValueMapping;
  onChange: (values: ValueMapping) => void;
}) {
  if (categories.length === 0 && statuses.length === 0) return null;
  return (
    <div className="panel">
      <h2>Correspondance des valeurs</h2>
      <p className="muted">
        Les valeurs inconnues sont importées telles que choisies ici (« Autre » par défaut), avec
        leur libellé d’origine gardé. Vos choix sont retenus pour le prochain import de ce client.
      </p>
      {categories.length > 0 && (
        <table aria-label="Correspondance des catégories">
          <thead>
            <tr>
              <th scope="col">Catégorie dans le fichier</th>
              <th scope="col">Lignes</th>
              <th scope="col">Catégorie</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((v) => (
              <tr key={v.key}>
                <td>
                  {v.value}
                  {knownCategory(v.value) === null && (
                    <span className="badge warn"> inconnue : libellé gardé</span>
                  )}
                </td>
                <td>{v.count}</td>
                <td>
                  <select
                    aria-label={`Catégorie pour « ${v.value} »`}
                    value={values.category[v.key] ?? 'other'}
                    onChange={(e) =>
                      onChange({
                        ...values,
                        category: {
                          ...values.category,
                          [v.key]: e.target.value as EquipmentCategory,
                        },
                      })
                    }
                  >
                    <CategoryOptions />
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {statuses.length > 0 && (
        <table aria-label="Correspondance des statuts">
          <thead>
            <tr>
              <th scope="col">Statut dans le fichier</th>
              <th scope="col">Lignes</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((v) => (
              <tr key={v.key}>
                <td>
                  {v.value}
                  {knownStatus(v.value) === null && (
                    <span className="badge warn"> inconnu : libellé gardé</span>
                  )}
                </td>
                <td>{v.count}</td>
                <td>
                  <select
                    aria-label={`Statut pour « ${v.value} »`}
                    value={values.status[v.key] ?? 'in-service'}
                    onChange={(e) =>
                      onChange({
                        ...values,
                        status: { ...values.status, [v.key]: e.target.value as EquipmentStatus },
                      })
                    }
                  >
                    {EQUIPMENT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
