// The optional comment on one application (评语). Enter saves, Shift+Enter starts a new line, Esc cancels;
// focus returns to the cell the member came from (Modal restores it).
import { useState } from 'react';
import { Modal } from '../../../components/Modal';
import { useT } from '../../../i18n/i18n';

interface Props {
  applicationName: string;
  initial: string;
  readOnly: boolean;
  onSave: (comment: string) => void;
  onClose: () => void;
}

export function CommentDialog({ applicationName, initial, readOnly, onSave, onClose }: Props) {
  const t = useT();
  const [text, setText] = useState(initial);
  return (
    <Modal title={t('scoring.comment.title', { name: applicationName })} onCancel={onClose} labelledBy="comment-title">
      <label className="field">
        <span>{readOnly ? t('scoring.comment.readOnly') : t('scoring.comment.hint')}</span>
        <textarea
          rows={4}
          maxLength={1000}
          value={text}
          readOnly={readOnly}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && !readOnly) {
              e.preventDefault();
              onSave(text.trim());
            }
          }}
        />
      </label>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</button>
        {!readOnly && (
          <button type="button" className="primary" onClick={() => onSave(text.trim())}>
            {t('common.save')}
          </button>
        )}
      </div>
    </Modal>
  );
}
