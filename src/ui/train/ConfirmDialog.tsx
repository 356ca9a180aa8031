// "Are you sure?" as a promise: `const ok = await confirm({ title, body, action })`. One modal
// <dialog> for the whole view (the browser keeps focus inside it and closes it on Escape);
// Cancel has the focus first, and focus returns to the control that asked.
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useText } from '../../i18n';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The confirming button's label (say what happens: "Delete", "Discard and apply"). */
  action: string;
  danger?: boolean;
}

type Confirm = (req: ConfirmRequest) => Promise<boolean>;

const ConfirmContext = createContext<Confirm>(() => Promise.resolve(false));

export function useConfirm(): Confirm {
  return useContext(ConfirmContext);
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void;
  returnFocus: HTMLElement | null;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback<Confirm>(
    (req) =>
      new Promise<boolean>((resolve) => {
        const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setPending((prev) => {
          prev?.resolve(false); // a second question replaces the first
          // ...and focus still goes back to what asked the first (not to the dialog's own button).
          return { ...req, resolve, returnFocus: prev ? prev.returnFocus : active };
        });
      }),
    [],
  );
  const answer = useCallback(
    (ok: boolean) => {
      if (!pending) return;
      pending.resolve(ok);
      setPending(null);
      const back = pending.returnFocus;
      // After the dialog closes; a control that went away leaves focus where the browser puts it.
      requestAnimationFrame(() => {
        if (back?.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
      });
    },
    [pending],
  );
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending && <Dialog request={pending} onAnswer={answer} />}
    </ConfirmContext.Provider>
  );
}

function Dialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (ok: boolean) => void }) {
  const { t } = useText();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="train-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault(); // Escape: answer "no" through React, not a bare close
        onAnswer(false);
      }}
    >
      <h2 id={titleId} className="train-dialog__title">
        {request.title}
      </h2>
      <p id={bodyId}>{request.body}</p>
      <div className="train-dialog__actions">
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={() => onAnswer(false)}>
          {t('train.confirm.cancel')}
        </button>
        <button type="button" className={request.danger ? 'button button--danger' : 'button'} onClick={() => onAnswer(true)} data-testid="confirm-action">
          {request.action}
        </button>
      </div>
    </dialog>
  );
}
