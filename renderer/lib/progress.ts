// Long calls report progress through the host: while one runs, poll jobs.progress for its job id.
import { api } from '../api/client';

export function newJobId(): string {
  return crypto.randomUUID();
}

export async function withProgress<T>(jobId: string, work: Promise<T>, onProgress: (done: number, total: number) => void): Promise<T> {
  let running = true;
  const poll = async () => {
    while (running) {
      const r = await api['jobs.progress']({ jobId });
      if (running && r.ok && r.value) onProgress(r.value.done, r.value.total);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  void poll();
  try {
    return await work;
  } finally {
    running = false;
  }
}
