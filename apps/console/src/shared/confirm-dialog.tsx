import { useState, type FormEvent, type ReactNode } from 'react';
import { useErrorMessage } from './error-message';
import { useModalDialog } from './use-modal-dialog';

interface ConfirmDialogProps<T> {
  /** Names the test ids: `<testId>-dialog`, and its parts `<testId>-confirm`, `-cancel` and `-error`. */
  testId: string;
  title: string;
  /** What the action does and what it leaves alone, and any choice that goes with it. */
  children: ReactNode;
  submitLabel: string;
  submittingLabel: string;
  cancelLabel: string;
  narrow?: boolean;
  /** The action itself; a refusal shows in the dialog by its translated code and the dialog stays open. */
  onConfirm: () => Promise<T>;
  /** `result` is null when the dialog was cancelled. */
  onClose: (result: T | null) => void;
}

/** Asks before a destructive action, runs it on confirmation, and closes with its result. */
export function ConfirmDialog<T>({ testId, title, children, submitLabel, submittingLabel, cancelLabel, narrow, onConfirm, onClose }: ConfirmDialogProps<T>) {
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      onClose(await onConfirm());
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  const titleId = `${testId}-title`;
  return (
    <dialog ref={dialog} className={narrow ? 'dialog dialog-narrow' : 'dialog'} aria-labelledby={titleId} onClose={() => onClose(null)} data-testid={`${testId}-dialog`}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        {error && (
          <p className="form-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="danger" disabled={submitting} data-testid={`${testId}-confirm`}>
            {submitting ? submittingLabel : submitLabel}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={submitting} data-testid={`${testId}-cancel`}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
