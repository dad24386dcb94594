import { html, nothing } from 'lit';
import { LightElement, openBooking, statusLabel } from '../base.js';
import { dateLabel, timeRange } from '../time.js';

/**
 * The time slots of the chosen day: open slots (a button to request one, for members who may book)
 * and the bookings the viewer may see. Properties: date, items ([{kind: 'slot', slot} |
 * {kind: 'booking', booking}]), loading, error, canBook, showMember, zoneNote.
 * Event: request-slot (detail slot).
 */
class SlotPanel extends LightElement {
  static properties = {
    date: {}, items: { attribute: false }, loading: { type: Boolean }, error: {}, canBook: { type: Boolean },
    showMember: { type: Boolean }, showInstructor: { type: Boolean }, zoneNote: {}, headingId: {},
  };

  _slot(slot) {
    const when = timeRange(slot.slot_start, slot.slot_end);
    if (!this.canBook) {
      return html`<li><div class="slot static"><span><span class="when">${when}</span>
        <span class="who">Open</span></span><span class="badge available">Available</span></div></li>`;
    }
    return html`<li><button type="button" class="slot" data-slot=${slot.slot_start}
      @click=${() => this.dispatchEvent(new CustomEvent('request-slot', { detail: slot }))}>
      <span><span class="when">${when}</span><span class="who">Request this lesson</span></span>
      <span class="badge available">Available</span><span class="go" aria-hidden="true">→</span>
    </button></li>`;
  }

  _booking(b) {
    const who = [this.showMember ? b.member_name : null, this.showInstructor ? b.instructor_name : null]
      .filter(Boolean).join(' with ');
    const closed = !['pending', 'confirmed'].includes(b.status);
    return html`<li><button type="button" class="slot ${closed ? 'closed' : ''} ${b.unread ? 'glow' : ''}"
      data-booking=${b.id} @click=${() => openBooking(b.id)}>
      <span><span class="when">${timeRange(b.start_time, b.end_time)}</span>
        <span class="who">${who || 'Your lesson'}${b.unread ? html`<span class="visually-hidden">, unread messages</span>` : nothing}</span></span>
      <span class="badge ${b.status}">${statusLabel(b.status)}</span><span class="go" aria-hidden="true">→</span>
    </button></li>`;
  }

  render() {
    if (!this.date) {
      return html`<p class="panel-empty">Choose a day to see its times.</p>`;
    }
    return html`
      <h2 id=${this.headingId ?? 'slots-title'}>${dateLabel(this.date)}</h2>
      ${this.zoneNote ? html`<p class="zone-note">${this.zoneNote}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loading && !this.items ? html`<div aria-busy="true" aria-label="Loading times">
          ${[1, 2, 3].map(() => html`<span class="skeleton skeleton-slot"></span>`)}</div>`
        : this.items && this.items.length ? html`<ul class="slots" aria-label="Times on ${dateLabel(this.date)}">
          ${this.items.map((item) => (item.kind === 'slot' ? this._slot(item.slot) : this._booking(item.booking)))}</ul>`
          : html`<p class="panel-empty">No times available on this day.</p>`}`;
  }
}

customElements.define('slot-panel', SlotPanel);
