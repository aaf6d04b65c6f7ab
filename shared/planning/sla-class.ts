import { categoryGroupOf } from '../inventory/category';
import type { EquipmentCategory } from '../inventory/category';
import type { SlaClass } from './request';

/**
 * The response-time class a request on this equipment gets by default (004 art. VI): any
 * server or network equipment makes it a 4-hour request, otherwise any workstation or
 * peripheral an 8-hour one; software alone has no response time in the contracts.
 */
export function slaClassOf(categories: readonly EquipmentCategory[]): SlaClass {
  const groups = new Set(categories.map(categoryGroupOf));
  if (groups.has('servers-network')) return 'server-network';
  if (groups.has('user-equipment')) return 'workstation';
  return 'none';
}
