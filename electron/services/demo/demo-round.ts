// Placeholder while the demo round is being built in this change; replaced before it lands.
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';

export function loadDemoRound(_ctx: ServiceContext): { roundId: string } {
  throw new AppError('UNSUPPORTED', '示例批次尚未可用');
}
