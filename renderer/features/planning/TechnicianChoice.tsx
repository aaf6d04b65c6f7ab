import type { Technician } from '../../use-cases/planning/use-planning-data';

/** A checkbox per technician, to give a request or a contract's visits to some of them. */
export function TechnicianChoice({
  technicians,
  chosen,
  onChange,
}: {
  technicians: readonly Technician[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  return technicians.map((t) => (
    <label key={t.id}>
      <input
        type="checkbox"
        checked={chosen.includes(t.id)}
        onChange={(e) =>
          onChange(e.target.checked ? [...chosen, t.id] : chosen.filter((id) => id !== t.id))
        }
      />
      {t.name}
    </label>
  ));
}
