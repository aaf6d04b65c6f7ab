import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { clock } from '../../platform/clock';
import { hasJobsToday } from './today-sources';

/** Undefined while reading; then whether the technician has jobs planned today. */
export function useHasJobsToday(): boolean | undefined {
  return useLiveQuery(() => hasJobsToday(getDb(), clock.now()), []);
}
