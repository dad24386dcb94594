import { LitElement } from 'lit';

/** Components render into the light DOM, so the one stylesheet (app.css) styles them all. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  /** Listens on window while connected. */
  listen(type, handler) {
    this._listeners ??= [];
    this._listeners.push([type, handler]);
    if (this.isConnected) window.addEventListener(type, handler);
  }

  connectedCallback() {
    super.connectedCallback();
    for (const [type, handler] of this._listeners ?? []) window.addEventListener(type, handler);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    for (const [type, handler] of this._listeners ?? []) window.removeEventListener(type, handler);
  }
}

/** Tells the app to show a short notice (toast). */
export const toast = (text) => window.dispatchEvent(new CustomEvent('toast', { detail: text }));

/** Asks the app to open the booking sheet. */
export const openBooking = (id) => window.dispatchEvent(new CustomEvent('open-booking', { detail: id }));

export const STATUS_LABELS = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  declined: 'Declined',
  expired: 'Expired',
  cancelled_by_member: 'Cancelled',
  cancelled_by_instructor: 'Cancelled by instructor',
  completed: 'Completed',
  no_show: 'No-show',
};

export const statusLabel = (status) => STATUS_LABELS[status] ?? status;

export const isStaff = (me) => me && (me.role === 'instructor' || me.role === 'owner');

export const ROLE_LABELS = {
  guest: 'Guest', member_limited: 'Member', member_full: 'Member', instructor: 'Instructor', owner: 'Owner',
};

/**
 * Opens a native modal dialog and, when it closes (Escape, a button, the backdrop), gives focus back
 * to where it was, or to `fallback()` when that element is gone.
 */
export function openModal(dialog, fallback) {
  if (dialog.open) return;
  const opener = document.activeElement;
  dialog.showModal();
  dialog.addEventListener('close', () => {
    const target = opener && opener.isConnected && opener !== document.body ? opener : fallback?.();
    target?.focus();
  }, { once: true });
}

/** Closes a dialog when its backdrop (the dialog element itself, outside its content) is clicked. */
export function closeOnBackdrop(event) {
  if (event.target === event.currentTarget) event.currentTarget.close();
}
