// The updates an import would make, field by field (issue 11: the preview used to say only "更新"). Changes of
// 企业名称 / 法定代表人 are marked as identity changes; while any is listed, the import waits for the tick.
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import type { ImportPreview } from '../../../shared/dossiers/import-schema';
import { useT } from '../../i18n/i18n';

interface Props {
  preview: ImportPreview;
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}

export function ImportChanges({ preview, acknowledged, onAcknowledge }: Props) {
  const t = useT();
  if (preview.changes.length === 0) return null;
  const empty = <span className="muted">{t('import.changes.none')}</span>;
  return (
    <section className="import-changes" data-testid="import-changes">
      <h3>{t('import.changes.title', { count: preview.counts.update })}</h3>
      {preview.identityChanges > 0 && (
        <div className="banner warning identity-warning" role="alert">
          <p>{t('import.identity.warning', { count: preview.identityChanges })}</p>
          <label className="check">
            <input type="checkbox" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />
            {t('import.identity.ack')}
          </label>
        </div>
      )}
      {preview.changes.map((c) => (
        <div key={c.row} className={c.identity ? 'import-change identity' : 'import-change'} data-row={c.row}>
          <div className="import-change-head">
            <strong>{t('import.row')} {c.row}</strong> <span>{c.legalName}</span> <span className="mono muted small">{displayNumberByFormat(c.creditCode)}</span>
            {c.identity && <span className="tag identity-tag">{t('import.changes.identity')}</span>}
          </div>
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('import.changes.field')}</th>
                <th>{t('import.changes.before')}</th>
                <th>{t('import.changes.after')}</th>
              </tr>
            </thead>
            <tbody>
              {c.fields.map((f) => (
                <tr key={f.field} className={f.identity ? 'identity' : undefined}>
                  <td>{f.header}{f.identity && <span className="tag identity-tag">{t('import.changes.identity')}</span>}</td>
                  <td>{f.before || empty}</td>
                  <td>{f.after || empty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
