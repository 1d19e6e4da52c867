// Import previews (dossiers, scores, KPI figures) wait in the data worker's memory until the user confirms:
// nothing touches the database before that. A preview left alone for 30 minutes expires.
import crypto from 'node:crypto';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';

export const PREVIEW_TTL_MS = 30 * 60 * 1000;

export class PreviewStore<T> {
  private readonly items = new Map<string, { value: T; createdAt: number }>();

  /** Keeps a preview and returns its id; expired ones are dropped on the way. */
  put(value: T, now: number): string {
    for (const [id, item] of this.items) if (now - item.createdAt > PREVIEW_TTL_MS) this.items.delete(id);
    const id = crypto.randomUUID();
    this.items.set(id, { value, createdAt: now });
    return id;
  }

  /** The preview, or EXPIRED (zh-CN) when it is unknown or too old. */
  get(id: string, now: number): T {
    const item = this.items.get(id);
    if (!item || now - item.createdAt > PREVIEW_TTL_MS) throw new AppError('EXPIRED', zh('error.previewExpired'));
    return item.value;
  }

  delete(id: string): void {
    this.items.delete(id);
  }
}
