// The print pages scope their print rules (print.css) with a class on <body>, set only while mounted.
import { useEffect } from 'react';

export const PRINT_BODY_CLASS = 'round-print-mode';

export function usePrintMode(): void {
  useEffect(() => {
    document.body.classList.add(PRINT_BODY_CLASS);
    return () => document.body.classList.remove(PRINT_BODY_CLASS);
  }, []);
}
