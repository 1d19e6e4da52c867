// The program and month the assessments page shows, kept for the session: back from a run lands on the
// same program and month, and a run's 补录数据 opens the grid on the run's month.
import type { YearMonth } from '../../../shared/lifecycle/months';
import { navigate } from '../../app/router';

export const pageMemory = { programId: '', month: '' as YearMonth | '' };

export function openFigures(programId: string, month: YearMonth): void {
  Object.assign(pageMemory, { programId, month });
  navigate({ page: 'assessments' });
}
