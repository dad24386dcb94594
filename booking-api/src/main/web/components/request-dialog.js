import { html, nothing } from 'lit';
import { LightElement, closeOnBackdrop, openModal } from '../base.js';
import { post } from '../api.js';
import { day, firstName, time } from '../time.js';

const NOTES_LIMIT = 2000;

/**
 * "Request lesson with Maria on Thu, Feb 5 at 2:00 PM?" with optional notes. open(instructor, slot,
 * zoneNote). Events: requested (detail {booking_id, slot}), slot-gone (the slot was taken or is no
 * longer offered: the caller refetches).
 */
class RequestDialog extends LightElement {
  static properties = {
    instructor: { state: true }, slot: { state: true }, zoneNote: { state: true }, error: { state: true },
    busy: { state: true }, notes: { state: true },
  };

  open(instructor, slot, zoneNote, focusAfter) {
    this.instructor = instructor;
    this.slot = slot;
    this.zoneNote = zoneNote;
    this.error = null;
    this.notes = '';
    this.busy = false;
    this.updateComplete.then(() => openModal(this.querySelector('dialog'), focusAfter));
  }

  close() {
    this.querySelector('dialog')?.close();
  }

  async _request(event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const body = { instructor_id: this.instructor.id, start_time: this.slot.slot_start, end_time: this.slot.slot_end };
      if (this.notes.trim()) body.notes = this.notes.trim();
      const answer = await post('/api/bookings', body);
      this.dispatchEvent(new CustomEvent('requested', { detail: { booking_id: answer.booking_id, slot: this.slot } }));
      this.close();
    } catch (e) {
      if (e.status === 409 && /already confirmed/i.test(e.detail)) {
        this.error = 'Sorry, this slot was just taken. Please choose another time.';
        this.dispatchEvent(new CustomEvent('slot-gone'));
      } else if (e.status === 400 && /not an available slot/i.test(e.detail)) {
        this.error = 'This time is no longer offered. Please choose another time.';
        this.dispatchEvent(new CustomEvent('slot-gone'));
      } else {
        this.error = e.detail;
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    const i = this.instructor;
    const s = this.slot;
    return html`<dialog class="request" aria-labelledby="request-title" @click=${closeOnBackdrop}>
      ${i && s ? html`<form class="dialog-body" @submit=${(e) => this._request(e)}>
        <h2 id="request-title">Request a lesson</h2>
        <p class="question">Request lesson with ${firstName(i.display_name)} on ${day(s.slot_start)} at ${time(s.slot_start)}?</p>
        ${this.zoneNote ? html`<p class="hint">${this.zoneNote}</p>` : nothing}
        <label class="field"><span>Notes for ${firstName(i.display_name)} (optional)</span>
          <textarea maxlength=${NOTES_LIMIT} .value=${this.notes} @input=${(e) => { this.notes = e.target.value; }}></textarea></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" class="btn" @click=${() => this.close()}>Cancel</button>
          <button type="submit" class="btn btn-primary" ?disabled=${this.busy}>Request lesson</button>
        </div>
      </form>` : nothing}
    </dialog>`;
  }
}

customElements.define('request-dialog', RequestDialog);
