// One letter on A4. Two layouts, chosen by the letter itself (RenderedLetter.layout), so an archived letter
// reprints as it was issued:
// - 'gbt9704' (every letter issued since): GB/T 9704-2012《党政机关公文格式》 as a Chinese platform's notices
//   follow it — optional 发文机关标志 (red) and red separator line, the 发文字号 centred above the title, the
//   title centred, 主送 flush left, 三号仿宋 body with a 2-character indent, the signature block at the right,
//   the 版记 (抄送 / 印发) between rules, and page numbers "— 1 —" at the foot of every printed page
//   (page-numbers.ts). The last body paragraph, the signature and the date are one unbreakable block, so
//   落款 and date never stand alone on a page.
// - legacy (no layout): title, number right-aligned under it, 四号 body — the letters issued before.
// The letter's text is document content from the template; only the "missing" marks of a preview come from
// the locale files. Letters issued since issue 9 end with the history fingerprint (修改记录核验码) under the
// 版记, small and flush right. Layout and print rules: letters.css.
// Only the two weights used are bundled (regular body, bold title); each is ~100 unicode-range subsets
// the browser fetches as glyphs are needed.
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import './letters.css';
import type { ReactNode } from 'react';
import { LETTER_LAYOUT, type LetterBlock, type LetterLine, type RenderedLetter } from '../../../shared/letters';
import { translate, useT } from '../../i18n/i18n';
import { FIELD_LABEL } from './labels';
import { letterSheetCss, letterSheetPage } from './page-numbers';

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

const GAP = /[\u3000 ]{2,}/;

/**
 * A 版记 line written "印发机关　　印发日期" (two or more spaces between): GB/T 9704 §7.4.3 sets the first part
 * flush left and the second flush right, each one character in. Other lines print as written.
 */
function RecordLine({ line }: { line: LetterLine }) {
  const at = line.findIndex((s) => 'text' in s && GAP.test(s.text));
  if (at === -1) return <p><Spans line={line} /></p>;
  const span = line[at] as { text: string };
  const m = GAP.exec(span.text)!;
  const left: LetterLine = [...line.slice(0, at), { text: span.text.slice(0, m.index) }].filter((s) => !('text' in s) || s.text !== '');
  const right: LetterLine = [{ text: span.text.slice(m.index + m[0].length) }, ...line.slice(at + 1)].filter((s) => !('text' in s) || s.text !== '');
  // The gap stays in the text (the sheet's text is the archived letter's), between the two parts.
  return (
    <p className="letter-record-split">
      <span><Spans line={left} /></span>
      <span className="letter-record-gap">{m[0]}</span>
      <span><Spans line={right} /></span>
    </p>
  );
}

function Block({ block, beforeTitle }: { block: LetterBlock; beforeTitle: boolean }) {
  switch (block.role) {
    case 'letterhead':
      return <div className="letter-letterhead"><Spans line={block.spans} /></div>;
    case 'rule':
      return <div className={beforeTitle ? 'letter-rule letter-rule-red' : 'letter-rule'} role="separator" />;
    case 'title':
      return <h1 className="letter-title"><Spans line={block.spans} /></h1>;
    case 'reference':
      return (
        <div className={beforeTitle ? 'letter-reference letter-number-head' : 'letter-reference'}>
          {block.lines.map((line, j) => <p key={j}><Spans line={line} /></p>)}
        </div>
      );
    case 'salutation':
      return <p className="letter-salutation"><Spans line={block.spans} /></p>;
    case 'paragraph':
      return <p className="letter-paragraph"><Spans line={block.spans} /></p>;
    case 'signature':
      return (
        <div className="letter-signature">
          {block.lines.map((line, j) => <p key={j}><Spans line={line} /></p>)}
        </div>
      );
    case 'record':
      return (
        <div className="letter-record">
          {block.lines.map((line, j) => <RecordLine key={j} line={line} />)}
        </div>
      );
  }
}

/**
 * `watermark` (e.g. 作废 for a voided letter) is set diagonally across the sheet, on screen and in print, so a
 * voided letter can be reprinted for the file but never passes for a valid one. `sheet` numbers the letters
 * of one print job (0, 1, …): each letter's pages are numbered from 1 on its own.
 */
export function LetterPage({ letter, watermark, sheet = 0 }: { letter: RenderedLetter; watermark?: string; sheet?: number }) {
  const gbt = letter.layout === LETTER_LAYOUT;
  const blocks = letter.blocks;
  const titleAt = blocks.findIndex((b) => b.role === 'title');
  const signatureAt = blocks.findIndex((b) => b.role === 'signature');
  // The closing: the last body paragraph and the signature block (issuer and date), kept on one page.
  const closeFrom = gbt && signatureAt > 0 && blocks[signatureAt - 1]!.role === 'paragraph' ? signatureAt - 1 : signatureAt;
  const render = (from: number, to: number): ReactNode[] => blocks.slice(from, to).map((block, k) => <Block key={from + k} block={block} beforeTitle={from + k < titleAt} />);
  const body =
    gbt && signatureAt !== -1 ? (
      <>
        {render(0, closeFrom)}
        <div className="letter-closing">{render(closeFrom, signatureAt + 1)}</div>
        {render(signatureAt + 1, blocks.length)}
      </>
    ) : (
      render(0, blocks.length)
    );
  return (
    <>
      {gbt && <style>{letterSheetCss(sheet)}</style>}
      <article
        className={watermark ? 'letter-page letter-watermarked' : 'letter-page'}
        data-kind={letter.kind}
        data-layout={letter.layout ?? 'legacy'}
        data-sheet={gbt ? sheet : undefined}
        style={gbt ? { page: letterSheetPage(sheet) } : undefined}
        lang="zh-CN"
      >
        {watermark && <div className="letter-watermark">{watermark}</div>}
        {body}
        {letter.chainFingerprint && (
          // Part of the archived letter (issue 9), so every reprint shows the same one; always worded in
          // Chinese, as the letter is, whatever the screen's language.
          <p className="letter-fingerprint" data-fingerprint={letter.chainFingerprint}>{translate('letters.fingerprint', { fingerprint: letter.chainFingerprint }, 'zh-CN')}</p>
        )}
      </article>
    </>
  );
}
