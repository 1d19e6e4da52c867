// One running app per user: two processes writing one SQLite file through two workers would defeat the
// single-writer design (STYLE.md, "One writer connection"). A second launch quits and the first one's
// window comes to the front (app.requestSingleInstanceLock + 'second-instance').

/** The parts of a BrowserWindow this needs. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** Brings the existing window forward; false when there is none left to focus. */
export function focusExistingWindow(win: FocusableWindow | null | undefined): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return true;
}
