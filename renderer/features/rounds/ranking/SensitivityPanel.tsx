// Weight sensitivity of the admission cutoff (shared/ranking/sensitivity.ts): per criterion, the smallest
// raise and the smallest cut of its weight (the others rescaled to keep 100%) that would change who is
// admitted, and who would come in or drop out. A large number means the result does not hinge on the weights.
import type { RegionSensitivity, WeightChange } from '../../../../shared/ranking/sensitivity';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from '../scoring/criterion-label';

export function SensitivityPanel({ results, sensitivity }: { results: RoundResults; sensitivity: RegionSensitivity }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const names = (ids: readonly string[]) => ids.map((id) => results.labels.applications[id]?.legalName ?? id).join(locale === 'zh-CN' ? '、' : ', ');
  const pp = (delta: number) => Math.abs(delta).toFixed(2);

  const change = (c: WeightChange | null, none: string) => {
    if (!c) return <span className="muted">{none}</span>;
    return (
      <>
        <strong>{t(c.delta > 0 ? 'ranking.sensitivity.raise' : 'ranking.sensitivity.cut', { delta: pp(c.delta) })}</strong>
        <div className="small">
          {c.entering.length > 0 && t('ranking.sensitivity.entering', { names: names(c.entering) })}
          {c.entering.length > 0 && c.leaving.length > 0 && t('ranking.explain.separator')}
          {c.leaving.length > 0 && t('ranking.sensitivity.leaving', { names: names(c.leaving) })}
        </div>
      </>
    );
  };

  const smallest = sensitivity.criteria.filter((c) => c.smallest).sort((a, b) => Math.abs(a.smallest!.delta) - Math.abs(b.smallest!.delta))[0];
  return (
    <section className="panel sensitivity" data-testid="sensitivity">
      <h3>{t('ranking.sensitivity.title')}</h3>
      <p className="small">
        {sensitivity.admitted.length === 0
          ? t('ranking.sensitivity.noneAdmitted')
          : smallest
            ? t('ranking.sensitivity.summary', { criterion: criterionLabel(t, smallest.criterion), change: t(smallest.smallest!.delta > 0 ? 'ranking.sensitivity.raise' : 'ranking.sensitivity.cut', { delta: pp(smallest.smallest!.delta) }) })
            : t('ranking.sensitivity.robust')}
        {results.options.cap !== null && <span className="muted"> {t('ranking.sensitivity.capNote')}</span>}
      </p>
      <table className="table sensitivity-table">
        <thead>
          <tr>
            <th>{t('ranking.analysis.criterion')}</th>
            <th className="num">{t('ranking.sensitivity.weight')}</th>
            <th>{t('ranking.sensitivity.up')}</th>
            <th>{t('ranking.sensitivity.down')}</th>
          </tr>
        </thead>
        <tbody>
          {sensitivity.criteria.map((c) => (
            <tr key={c.criterion}>
              <td>{criterionLabel(t, c.criterion)}</td>
              <td className="num">{c.weight}%</td>
              <td>{change(c.increase, t('ranking.sensitivity.noChangeUp'))}</td>
              <td>{change(c.decrease, t('ranking.sensitivity.noChangeDown'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
