// `verify`: walks the change history's hash chain (electron/services/history/chain.ts) and names the first
// broken row. Exit code 1 when the chain is broken, so a scheduled check can alert.
import { call, CliFailure, type Cli } from './commands';

export async function verifyHistoryCommand(cli: Cli): Promise<void> {
  const verdict = await call(cli, 'history.verify', {});
  if (!verdict.ok && verdict.brokenAt) {
    const { seq, at, entity, problem } = verdict.brokenAt;
    throw new CliFailure(`修改记录被改动过：第 ${seq} 条（${entity}，${at}）${problem === 'missingHash' ? '缺少校验值' : '与前一条的校验链不符'}；共检查 ${verdict.rows} 条。`);
  }
  cli.out(`修改记录完整：${verdict.rows} 条，校验链完好。`);
  cli.out(`链首指纹 / chain head：${verdict.fingerprint}`);
  cli.out(`完整校验值：${verdict.head}`);
}
