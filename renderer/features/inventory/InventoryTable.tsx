import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { AGE_BAND_LABELS, AGE_BANDS } from '../../../shared/inventory/age-band';
import { CATEGORY_LABELS, EQUIPMENT_CATEGORIES } from '../../../shared/inventory/category';
import { EQUIPMENT_STATUSES, STATUS_LABELS } from '../../../shared/inventory/equipment';
import { filterEquipment, NO_FILTER } from '../../../shared/inventory/equipment-filter';
import type { EquipmentFilter } from '../../../shared/inventory/equipment-filter';
import { WARRANTY_LABELS, WARRANTY_STATES } from '../../../shared/inventory/warranty';
import type { StoredEquipment } from '../../use-cases/inventory/use-client-equipment';
import { EquipmentBadges } from './EquipmentBadges';
import { today as todayOf } from './today';

// Room for two lines of badges: an item can carry up to five (warranty, age, contract, declaration, status).
const ROW_HEIGHT = 52;

type Option = { value: string; label: string };
const yesNo: Option[] = [
  { value: 'all', label: 'Tous' },
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
];
const withAll = (label: string, options: Option[]): Option[] => [
  { value: 'all', label },
  ...options,
];

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A client's inventory: filters, search as you type, and a virtualised table (only the
 * rows on screen are in the DOM, so 2,000 items scroll as smoothly as 20). `items` may be
 * the first page only (`complete` false): its rows are the whole list's first rows, the
 * filters apply to what is read, and the count says the rest is coming.
 */
export function InventoryTable({
  clientId,
  items,
  complete,
  siteNames,
}: {
  clientId: string;
  items: readonly StoredEquipment[];
  complete: boolean;
  siteNames: ReadonlyMap<string, string>;
}) {
  const [filter, setFilter] = useState<EquipmentFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const today = todayOf();
  const shown = useMemo(
    () => filterEquipment(items, deferredFilter, today),
    [items, deferredFilter, today],
  );
  const set =
    <K extends keyof EquipmentFilter>(key: K) =>
    (value: string) =>
      setFilter((f) => ({ ...f, [key]: value }));

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed to be used this way
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div className="inventory">
      <div className="inventory-filters" role="search" aria-label="Filtres de l’inventaire">
        <label className="filter filter-search">
          <span>Rechercher dans l’inventaire</span>
          <input
            type="search"
            value={filter.query}
            onChange={(e) => set('query')(e.target.value)}
            placeholder="N° de série, inventaire, nom, modèle, utilisateur"
            autoComplete="off"
          />
        </label>
        <FilterSelect
          label="Catégorie"
          value={filter.category}
          onChange={set('category')}
          options={withAll(
            'Toutes',
            EQUIPMENT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
          )}
        />
        <FilterSelect
          label="Statut"
          value={filter.status}
          onChange={set('status')}
          options={withAll(
            'Tous',
            EQUIPMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          )}
        />
        <FilterSelect
          label="Sous contrat"
          value={filter.covered}
          onChange={set('covered')}
          options={yesNo}
        />
        <FilterSelect
          label="Déclaré"
          value={filter.declared}
          onChange={set('declared')}
          options={yesNo}
        />
        <FilterSelect
          label="Garantie"
          value={filter.warranty}
          onChange={set('warranty')}
          options={withAll(
            'Toutes',
            WARRANTY_STATES.map((w) => ({ value: w, label: WARRANTY_LABELS[w] })),
          )}
        />
        <FilterSelect
          label="Âge"
          value={filter.ageBand}
          onChange={set('ageBand')}
          options={withAll(
            'Tous',
            AGE_BANDS.map((a) => ({ value: a, label: AGE_BAND_LABELS[a] })),
          )}
        />
      </div>
      <p className="muted" aria-live="polite" aria-busy={!complete} data-testid="inventory-count">
        {complete
          ? `${shown.length.toLocaleString('fr-FR')} équipement${shown.length > 1 ? 's' : ''} sur ${items.length.toLocaleString('fr-FR')}`
          : `${shown.length.toLocaleString('fr-FR')} premiers équipements affichés, lecture de la suite…`}
      </p>
      <div role="table" aria-label="Inventaire" aria-rowcount={shown.length + 1} className="vtable">
        <div role="rowgroup">
          <div role="row" className="vrow vhead" aria-rowindex={1}>
            <span role="columnheader">N° de série</span>
            <span role="columnheader">N° d’inventaire</span>
            <span role="columnheader">Nom</span>
            <span role="columnheader">Catégorie</span>
            <span role="columnheader">Modèle</span>
            <span role="columnheader">Utilisateur</span>
            <span role="columnheader">Site</span>
            <span role="columnheader">État</span>
          </div>
        </div>
        <div
          ref={scrollRef}
          className="vscroll"
          role="rowgroup"
          tabIndex={0}
          aria-label="Lignes de l’inventaire"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const e = shown[row.index]!;
              return (
                <div
                  key={e.id}
                  role="row"
                  aria-rowindex={row.index + 2}
                  data-index={row.index}
                  className="vrow"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${row.start}px)`,
                  }}
                >
                  <span role="cell">
                    <Link to={`/clients/${clientId}/equipment/${e.id}`}>
                      {e.serialNumber || '(sans n° de série)'}
                    </Link>
                  </span>
                  <span role="cell">{e.assetTag}</span>
                  <span role="cell">{e.hostname}</span>
                  <span role="cell">
                    {CATEGORY_LABELS[e.category]}
                    {/* The client's own word for a category we did not know ("Grille-pain"). */}
                    {e.categoryLabel ? ` (${e.categoryLabel})` : ''}
                  </span>
                  <span role="cell">{[e.brand, e.model].filter(Boolean).join(' ')}</span>
                  <span role="cell">{e.assignedUser}</span>
                  <span role="cell">{(e.siteId && siteNames.get(e.siteId)) || ''}</span>
                  <span role="cell">
                    <EquipmentBadges item={e} today={today} />
                  </span>
                </div>
              );
            })}
          </div>
          {shown.length === 0 && (
            <p className="vempty muted">
              {!complete
                ? 'Lecture de l’inventaire…'
                : items.length === 0
                  ? 'Aucun équipement pour ce client.'
                  : 'Aucun équipement ne correspond à ces filtres.'}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
