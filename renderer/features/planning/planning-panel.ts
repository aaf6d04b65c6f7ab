import type { PlanningData, Technician } from '../../use-cases/planning/use-planning-data';

/** What the planning page hands each of its panels. */
export interface PlanningPanelProps {
  data: PlanningData;
  technicians: readonly Technician[];
  /** Re-read every minute by the page: deadlines pass while the screen stays open. */
  now: number;
}

/** A technician's name; one whose account is gone still shows, by the end of their id. */
export function technicianName(technicians: readonly Technician[], id: string): string {
  return technicians.find((t) => t.id === id)?.name ?? `Technicien ${id.slice(-4)}`;
}
