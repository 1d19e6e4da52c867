// Letters in the renderer: layout (LetterPage, LetterBatch), preview and editor, printing, built-in pack.
export { LetterPage } from './LetterPage';
export { LetterBatch } from './LetterBatch';
export { LetterPreview } from './LetterPreview';
export { LetterTemplateEditor, type LetterTemplateEditorProps } from './LetterTemplateEditor';
export { useLetterPrintMode, printLetters, LETTER_PRINT_BODY_CLASS } from './print';
export { builtinLetters } from './builtin';
export { FIELD_LABEL, KIND_LABEL, problemText } from './labels';
export { IssueLetterDialog, type IssueLetterDialogProps } from './IssueLetterDialog';
export { LettersPanel } from './LettersPanel';
