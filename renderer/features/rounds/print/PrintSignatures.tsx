// The committee as it signs the list: the chair's line first, then one line per member.
import { useLocale, useT } from '../../../i18n/i18n';

interface PrintMember {
  id: string;
  name: string;
  role: string;
}

export function PrintSignatures({ members }: { members: PrintMember[] }) {
  const t = useT();
  const separator = useLocale((s) => s.locale) === 'zh-CN' ? '、' : ', ';
  const chair = members.find((m) => m.role === 'chair');
  const others = members.filter((m) => m !== chair);
  return (
    <section className="print-committee">
      <h2>{t('print.committee')}</h2>
      <p>
        {chair && <span>{t('print.chair', { name: chair.name })}</span>}
        {others.length > 0 && <span>{t('print.members', { names: others.map((m) => m.name).join(separator) })}</span>}
      </p>
      <div className="signature-lines">
        <div className="signature chair-signature">
          <span>{t('print.chairSignature')}</span>
          <span className="blank" />
          <span>{t('print.date')}</span>
          <span className="blank short" />
        </div>
        {others.map((m) => (
          <div key={m.id} className="signature">
            <span>{t('print.memberSignature', { name: m.name })}</span>
            <span className="blank" />
            <span>{t('print.date')}</span>
            <span className="blank short" />
          </div>
        ))}
      </div>
    </section>
  );
}
