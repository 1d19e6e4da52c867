import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Change } from '../../../shared/history/schema';
import { isMessageKey, useLocale, useT, type MessageKey } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';

type Translate = ReturnType<typeof useT>;

// Values in history are stored as the domain holds them; show them the way people read them.
function show(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'taxpayerType' && (value === 'general' || value === 'small')) return t(`taxpayer.${value}`);
  if (field === 'capabilities' && Array.isArray(value)) return value.map((c) => (isMessageKey(`capability.${c}`) ? t(`capability.${c}` as MessageKey) : String(c))).join('、') || '—';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? Object.values(v).filter(Boolean).join(' ') : String(v))).join('；') || '—';
  return String(value);
}

export function HistoryPanel({ dossierId, refreshKey }: { dossierId: number; refreshKey: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [changes, setChanges] = useState<Change[] | null>(null);

  useEffect(() => {
    void api['dossiers.history']({ id: dossierId }).then((r) => r.ok && setChanges(r.value));
  }, [dossierId, refreshKey]);

  const fieldLabel = (field: string) => {
    const key = `dossier.field.${field}`;
    return isMessageKey(key) ? t(key) : field === 'contacts' ? t('dossier.section.contacts') : field === 'capabilities' ? t('dossier.section.capabilities') : field;
  };

  return (
    <section className="panel">
      <h2>{t('history.title')}</h2>
      {changes && changes.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="history">
        {changes?.map((c) => {
          const before = (c.before ?? {}) as Record<string, unknown>;
          const after = (c.after ?? {}) as Record<string, unknown>;
          const fields = c.action === 'update' || (c.action === 'import' && c.before) ? Object.keys(after).filter((k) => k !== 'file') : [];
          return (
            <li key={c.seq}>
              <div className="history-head">
                <strong>{t(`history.action.${c.action}`)}</strong>
                {(c.action === 'attach' || c.action === 'detach') && <span> {String((after.fileName ?? before.fileName) as string)}</span>}
                {c.action === 'import' && typeof after.file === 'string' && <span className="muted"> {after.file}</span>}
                <span className="muted small"> {c.actor} · {formatDateTime(c.at, locale)}</span>
              </div>
              {fields.length > 0 && (
                <ul className="history-fields">
                  {fields.map((f) => (
                    <li key={f}>{t('history.field', { field: fieldLabel(f), before: show(f, before[f], t), after: show(f, after[f], t) })}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
