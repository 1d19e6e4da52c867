// Many letters, one per page (an assessment run's notices in one print job / one PDF). Each letter is its
// own .letter-page, which breaks the page after itself (letters.css), so no letter shares a sheet.
import type { RenderedLetter } from '../../../shared/letters';
import { LetterPage } from './LetterPage';

export function LetterBatch({ letters }: { letters: readonly RenderedLetter[] }) {
  return (
    <div className="letter-batch">
      {letters.map((letter, i) => <LetterPage key={i} letter={letter} sheet={i} />)}
    </div>
  );
}
