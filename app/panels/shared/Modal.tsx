/**
 * A modal dialog: a labelled `role="dialog"` box over a dimmed backdrop. Escape and the backdrop close
 * it; focus moves into it on open, Tab stays inside, and on close the focus goes back to the element
 * that had it before (the button or menu item that opened the dialog).
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import '../panels.css';
import './dialogs.css';

export interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom right. */
  readonly actions?: ReactNode;
  readonly testId?: string;
  readonly wide?: boolean;
}

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

export function Modal({ title, onClose, children, actions, testId, wide }: ModalProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      // Only when the focus is still ours to give: inside the closing dialog, or nowhere.
      const active = document.activeElement;
      const lost = active === null || active === document.body || (el?.contains(active) ?? false);
      if (opener?.isConnected && lost) opener.focus();
    };
  }, []);
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.hasAttribute('disabled'));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
  return (
    <div className="ptp-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`ptp-modal${wide ? ' ptp-modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <header className="ptp-modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="ptp-icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="ptp-modal-body">{children}</div>
        {actions ? <footer className="ptp-modal-actions">{actions}</footer> : null}
      </div>
    </div>
  );
}
