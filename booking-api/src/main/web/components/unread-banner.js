import { html, nothing } from 'lit';
import { LightElement, openBooking } from '../base.js';
import { firstName, short } from '../time.js';

const EXCERPT = 40;

/**
 * The unread preview above the calendar: "Maria (Thu Jan 15, 2pm): Can we focus on…" with View and
 * Dismiss. Properties: item ({booking_id, latest_message, latest_message_at, sender_name, start}),
 * more (how many other unread threads). Event: dismiss.
 */
class UnreadBanner extends LightElement {
  static properties = { item: { attribute: false }, more: { type: Number } };

  render() {
    const item = this.item;
    if (!item) return nothing;
    // cut at a word: "Can we focus on cross-body lead this…"
    const text = item.latest_message.length > EXCERPT
      ? `${item.latest_message.slice(0, EXCERPT).replace(/\s+\S*$/, '').trimEnd()}…` : item.latest_message;
    const when = item.start ? ` (${short(item.start)})` : '';
    return html`<section class="banner card" aria-label="Unread messages">
      <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor"
        d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>
      <p class="text"><strong>${firstName(item.sender_name)}${when}:</strong> <span class="excerpt">${text}</span>
        ${this.more ? html`<span class="hint"> · ${this.more} more unread</span>` : nothing}</p>
      <div class="actions">
        <button type="button" class="btn btn-small btn-primary" @click=${() => openBooking(item.booking_id)}>View</button>
        <button type="button" class="btn btn-small" @click=${() => this.dispatchEvent(new CustomEvent('dismiss'))}>Dismiss</button>
      </div>
    </section>`;
  }
}

customElements.define('unread-banner', UnreadBanner);
