import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { clock } from '../../platform/clock';
import { loadTodaySources } from './today-sources';
import { todayPlan } from './today-plan';
import type { TodayPlan } from './today-plan';

/** The plan « Aujourd'hui » shows, live: a sync or a visit's progress redraws it. */
export function useTodayPlan(): TodayPlan | undefined {
  return useLiveQuery(async () => {
    const now = clock.now();
    return todayPlan(await loadTodaySources(getDb(), now), now);
  }, []);
}
