// Live preview of a letter beside the template editor (or before issuing): the sheet at reduced size, with
// what would stop the letter from being issued listed above it — template problems and empty fields.
// Missing values are marked in the sheet itself, never left blank.
import { useMemo } from 'react';
import { missingFields, renderLetter, templateProblems, type LetterFields, type LetterTemplate } from '../../../shared/letters';
import { useT } from '../../i18n/i18n';
import { FIELD_LABEL, problemText } from './labels';
import { LetterPage } from './LetterPage';

export function LetterPreview({ template, fields, scale = 0.6 }: { template: LetterTemplate; fields: LetterFields; scale?: number }) {
  const t = useT();
  const letter = useMemo(() => renderLetter(template, fields), [template, fields]);
  const problems = useMemo(() => templateProblems(template), [template]);
  const missing = useMemo(() => missingFields(template, fields), [template, fields]);

  return (
    <section className="letter-preview" aria-label={t('letters.preview.label')}>
      {problems.length > 0 && (
        <div className="letter-report letter-report-problems" role="alert">
          <p>{t('letters.problem.title')}</p>
          <ul>{problems.map((p, i) => <li key={i}>{problemText(p, t)}</li>)}</ul>
        </div>
      )}
      {missing.length > 0 ? (
        <div className="letter-report letter-report-missing" role="status">
          <p>{t('letters.missing.title')}</p>
          <ul className="letter-chips">{missing.map((f) => <li key={f} className="letter-chip missing">{t(FIELD_LABEL[f])}</li>)}</ul>
        </div>
      ) : (
        problems.length === 0 && <p className="letter-report letter-report-ok" role="status">{t('letters.missing.none')}</p>
      )}
      {/* zoom (not transform) so the scaled sheet also takes less room in the layout. */}
      <div className="letter-preview-frame" style={{ zoom: scale }} aria-label={t('letters.preview.sheet')}>
        <LetterPage letter={letter} />
      </div>
    </section>
  );
}
