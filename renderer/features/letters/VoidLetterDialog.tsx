// 作废: a letter is voided with a reason; it stays in the archive (reprints carry a 作废 watermark) and its
// number stays used — the next letter of that year and kind gets the next number. Irreversible, so it is a
// ConfirmIrreversible step: the consequences in words, the reason required, focus on 取消.
import type { IssuedLetter } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';

export function VoidLetterDialog({ letter, onClose, onVoided }: { letter: IssuedLetter; onClose: () => void; onVoided: (letter: IssuedLetter) => void }) {
  const t = useT();
  return (
    <ConfirmIrreversible
      testId="letter-void"
      title={t('letters.void.title', { number: letter.number })}
      consequences={[t('letters.void.body', { addressee: letter.fields.addressee ?? '' }), t('letters.void.numberKept', { number: letter.number })]}
      confirmLabel={t('letters.void.confirm')}
      reason={{ label: t('letters.void.reasonLabel'), required: true }}
      onCancel={onClose}
      onConfirm={async (reason) => {
        const r = await api['letters.void']({ id: letter.id, reason });
        if (!r.ok) return errorText(r.error);
        onVoided(r.value);
        return null;
      }}
    />
  );
}
