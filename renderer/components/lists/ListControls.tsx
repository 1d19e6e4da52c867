// The controls above a long list: filter selects (zh-CN labels, '' = all) and "共 N 条 / 显示 M 条".
import { useT } from '../../i18n/i18n';
import './lists.css';

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: readonly FilterOption[]; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <label className="list-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        <option value="">{t('lists.all')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

export function ListCount({ total, shown }: { total: number; shown: number }) {
  const t = useT();
  return <span className="list-count" role="status" data-testid="list-count">{t('lists.count', { total, shown })}</span>;
}
