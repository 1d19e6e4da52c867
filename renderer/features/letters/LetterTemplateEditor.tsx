// The chair's template editor: the template text in one text box (placeholders shown by their names in the
// user's language, {{承办部门}}), field chips that insert {{placeholders}}
// at the cursor (used ones ticked, the kind's required ones marked), and the live preview beside it with
// the sample or real field values. Controlled: the caller loads and saves the text (letters API).
import { useRef } from 'react';
import { fieldsUsed, LETTER_FIELDS, REQUIRED_FIELDS, type LetterField, type LetterFields, type LetterKind } from '../../../shared/letters';
import { useT } from '../../i18n/i18n';
import { FIELD_LABEL, KIND_LABEL } from './labels';
import { LetterPreview } from './LetterPreview';
import { fromDisplayTokens, toDisplayTokens } from './template-tokens';

export interface LetterTemplateEditorProps {
  kind: LetterKind;
  value: string;
  onChange: (text: string) => void;
  /** Values the preview fills in: a real case's, or a sample. */
  fields: LetterFields;
  /** Offers "restore the default template" when given. */
  onReset?: () => void;
  disabled?: boolean;
}

export function LetterTemplateEditor({ kind, value, onChange, fields, onReset, disabled }: LetterTemplateEditorProps) {
  const t = useT();
  const area = useRef<HTMLTextAreaElement>(null);
  const used = new Set(fieldsUsed(value));
  const required = new Set<LetterField>(REQUIRED_FIELDS[kind]);

  // The text box shows {{承办部门}}; the stored template keeps {{issuerDepartment}} (template-tokens.ts).
  const label = (field: LetterField) => t(FIELD_LABEL[field]);
  const shown = toDisplayTokens(value, label, LETTER_FIELDS);
  const change = (text: string) => onChange(fromDisplayTokens(text, label, LETTER_FIELDS));

  const insert = (field: LetterField) => {
    const el = area.current;
    const token = `{{${label(field)}}}`;
    const start = el?.selectionStart ?? shown.length;
    const end = el?.selectionEnd ?? shown.length;
    change(shown.slice(0, start) + token + shown.slice(end));
    // Put the cursor after the inserted placeholder once React has written the new value.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div className="letter-editor">
      <div className="letter-editor-source">
        <label htmlFor="letter-template-text" className="letter-editor-label">
          {t(KIND_LABEL[kind])} · {t('letters.editor.label')}
        </label>
        <div className="letter-editor-insert">
          <span className="muted small">{t('letters.editor.insert')}</span>
          <ul className="letter-chips">
            {LETTER_FIELDS.map((field) => (
              <li key={field}>
                <button
                  type="button"
                  className={`letter-chip${used.has(field) ? ' used' : ''}${required.has(field) && !used.has(field) ? ' missing' : ''}`}
                  title={`{{${label(field)}}}`}
                  disabled={disabled}
                  onClick={() => insert(field)}
                >
                  {t(FIELD_LABEL[field])}
                  {required.has(field) && <span aria-hidden="true">*</span>}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <textarea
          id="letter-template-text"
          ref={area}
          className="letter-editor-text"
          value={shown}
          spellCheck={false}
          disabled={disabled}
          onChange={(e) => change(e.target.value)}
        />
        <p className="muted small">{t('letters.editor.syntax')} {t('letters.editor.required')}</p>
        {onReset && <button type="button" disabled={disabled} onClick={onReset}>{t('letters.editor.reset')}</button>}
      </div>
      <LetterPreview template={{ kind, text: value }} fields={fields} scale={0.55} />
    </div>
  );
}
