// One letter on one A4 sheet: title centred, number right-aligned under it, salutation flush left, body
// paragraphs with a 2em first-line indent, signature block (issuer, department, date) at the right.
// The letter's text is document content from the template; only the "missing" marks of a preview come from
// the locale files. Layout and print rules: letters.css.
// Only the two weights used are bundled (regular body, bold title); each is ~100 unicode-range subsets
// the browser fetches as glyphs are needed.
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import './letters.css';
import type { LetterLine, RenderedLetter } from '../../../shared/letters';
import { useT } from '../../i18n/i18n';
import { FIELD_LABEL } from './labels';

function Spans({ line }: { line: LetterLine }) {
  const t = useT();
  return (
    <>
      {line.map((span, i) => {
        if ('text' in span) return <span key={i}>{span.text}</span>;
        if ('value' in span) return <span key={i} className="letter-value" data-field={span.field}>{span.value}</span>;
        return (
          <mark key={i} className="letter-missing" data-field={span.missing}>
            {t('letters.missing.mark', { field: t(FIELD_LABEL[span.missing]) })}
          </mark>
        );
      })}
    </>
  );
}

/**
 * `watermark` (e.g. 作废 for a voided letter) is set diagonally across the sheet, on screen and in print, so a
 * voided letter can be reprinted for the file but never passes for a valid one.
 */
export function LetterPage({ letter, watermark }: { letter: RenderedLetter; watermark?: string }) {
  return (
    <article className={watermark ? 'letter-page letter-watermarked' : 'letter-page'} data-kind={letter.kind} lang="zh-CN">
      {watermark && <div className="letter-watermark">{watermark}</div>}
      {letter.blocks.map((block, i) => {
        switch (block.role) {
          case 'title':
            return <h1 key={i} className="letter-title"><Spans line={block.spans} /></h1>;
          case 'reference':
            return (
              <div key={i} className="letter-reference">
                {block.lines.map((line, j) => <p key={j}><Spans line={line} /></p>)}
              </div>
            );
          case 'salutation':
            return <p key={i} className="letter-salutation"><Spans line={block.spans} /></p>;
          case 'paragraph':
            return <p key={i} className="letter-paragraph"><Spans line={block.spans} /></p>;
          case 'signature':
            return (
              <div key={i} className="letter-signature">
                {block.lines.map((line, j) => <p key={j}><Spans line={line} /></p>)}
              </div>
            );
        }
      })}
    </article>
  );
}
