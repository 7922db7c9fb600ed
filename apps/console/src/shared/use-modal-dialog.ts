import { type RefObject, useEffect, useRef } from 'react';

/** A ref for a `<dialog>` that opens modally once it is mounted (and closes by its own `close`, never by unmounting). */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    // StrictMode runs this twice; closing in a cleanup would fire `close` and end the dialog at once.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return dialog;
}
