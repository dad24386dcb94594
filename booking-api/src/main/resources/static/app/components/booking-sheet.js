import { html, nothing } from 'lit';
import { LightElement, closeOnBackdrop, openModal, statusLabel, toast } from '../base.js';
import { get, instructors, post } from '../api.js';
import { dayWithYear, firstName, stamp, time, timeRange, zone } from '../time.js';

const LIMIT = 2000;
let instructorZones = null;

async function instructorZone(id) {
  instructorZones ??= instructors()
    .then(({ instructors }) => new Map(instructors.map((i) => [i.id, i.time_zone])))
    .catch(() => new Map());
  return (await instructorZones).get(id);
}

/**
 * The booking sheet: details, status, the actions the viewer may take (cancel; confirm and
 * decline for the instructor or the owner) and the message thread with its composer. Opening it
 * reads the thread, which marks it read for a participant (the glow clears). open(id, me).
 * Fires on window: thread-read (detail booking id), booking-changed (detail booking).
 */
class BookingSheet extends LightElement {
  static properties = {
    booking: { state: true }, messages: { state: true }, error: { state: true }, threadError: { state: true },
    actionError: { state: true }, busy: { state: true }, draft: { state: true }, declining: { state: true },
    sendError: { state: true }, zoneNote: { state: true },
  };

  #id = null;
  #me = null;
  #reread = null;
  #scrollDown = false;

  constructor() {
    super();
    this.draft = '';
    this.listen('live:booking', (e) => {
      if (e.detail.id === this.#id) this.booking = { ...this.booking, ...e.detail };
    });
    this.listen('live:message', (e) => this.#onMessage(e.detail));
    this.listen('live:resync', () => { if (this.#id) this.#load(); });
  }

  open(id, me) {
    const dialog = this.querySelector('dialog.sheet');
    if (this.#id !== id) {
      this.booking = null;
      this.messages = null;
      this.draft = '';
    }
    this.#id = id;
    this.#me = me;
    this.error = null;
    this.actionError = null;
    this.sendError = null;
    this.declining = false;
    this.zoneNote = null;
    if (!dialog.open) openModal(dialog);
    this.#load();
  }

  close() {
    this.querySelector('dialog.sheet')?.close();
  }

  #closed() {
    clearTimeout(this.#reread);
    this.#id = null;
  }

  get #participant() {
    const b = this.booking;
    return b && (b.member_id === this.#me.id || b.instructor_id === this.#me.id);
  }

  get #manages() {
    const b = this.booking;
    return b && (this.#me.role === 'owner' || b.instructor_id === this.#me.id);
  }

  async #load() {
    const id = this.#id;
    const booking = get(`/api/bookings/${id}`).then(({ data }) => {
      if (this.#id !== id) return;
      this.booking = data;
      this.#describeZone(data);
    }).catch((e) => { if (this.#id === id) this.error = e.detail; });
    const thread = this.#loadThread(id);
    await Promise.all([booking, thread]);
  }

  async #loadThread(id = this.#id) {
    try {
      const { messages } = await get(`/api/bookings/${id}/messages`);
      if (this.#id !== id) return;
      this.messages = messages;
      this.threadError = null;
      this.#scrollDown = true;
      window.dispatchEvent(new CustomEvent('thread-read', { detail: id }));
    } catch (e) {
      if (this.#id === id) this.threadError = e.detail;
    }
  }

  async #describeZone(b) {
    const theirs = await instructorZone(b.instructor_id);
    if (theirs && theirs !== zone() && this.booking?.id === b.id) {
      this.zoneNote = `${firstName(b.instructor_name)}'s time: ${timeRange(b.start_time, b.end_time, theirs)} (${theirs}).`;
    }
  }

  #onMessage(message) {
    if (message.booking_id !== this.#id || !this.messages) return;
    if (!this.messages.some((m) => m.id === message.id)) {
      this.messages = [...this.messages, message];
      this.#scrollDown = true;
    }
    // read while open: reading the thread again marks it read
    if (message.sender_id !== this.#me.id && this.#participant) {
      clearTimeout(this.#reread);
      this.#reread = setTimeout(() => this.#loadThread(), 100); // cancelled when the sheet closes
    }
  }

  updated() {
    if (this.#scrollDown) {
      this.#scrollDown = false;
      const scroller = this.querySelector('.sheet-scroll');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    }
  }

  async #act(path, body, done) {
    if (this.busy) return;
    this.busy = true;
    this.actionError = null;
    // the booking acted on: the sheet may be closed (or show another) before the answers come
    const id = this.#id;
    try {
      const answer = await post(`/api/bookings/${id}/${path}`, body);
      const { data } = await get(`/api/bookings/${id}`);
      if (this.#id === id) this.booking = data;
      window.dispatchEvent(new CustomEvent('booking-changed', { detail: data }));
      done?.(answer);
    } catch (e) {
      this.actionError = e.detail;
    } finally {
      this.busy = false;
    }
  }

  #confirm() {
    this.#act('confirm', {}, (answer) => {
      const others = answer?.declined?.length ?? 0;
      toast(others ? `Lesson confirmed; ${others} overlapping ${others === 1 ? 'request was' : 'requests were'} declined.` : 'Lesson confirmed.');
    });
  }

  #decline(event) {
    event.preventDefault();
    const reason = new FormData(event.target).get('reason')?.trim();
    this.#act('decline', reason ? { reason } : {}, () => {
      this.declining = false;
      toast('Request declined.');
    });
  }

  #askCancel() {
    this.actionError = null;
    openModal(this.querySelector('dialog.cancel'));
  }

  async #cancel(event) {
    event.preventDefault();
    const reason = new FormData(event.target).get('reason')?.trim();
    this.querySelector('dialog.cancel').close();
    await this.#act('cancel', reason ? { reason } : {}, () => toast('Lesson cancelled.'));
  }

  async #send(event) {
    event?.preventDefault();
    const content = this.draft.trim();
    if (!content || this.busy) return;
    this.busy = true;
    this.sendError = null;
    const id = this.#id;
    try {
      const { data } = await post(`/api/bookings/${id}/messages`, { content });
      this.draft = '';
      if (this.#id === id && !this.messages.some((m) => m.id === data.id)) {
        this.messages = [...this.messages, data];
        this.#scrollDown = true;
      }
    } catch (e) {
      this.sendError = e.detail;
    } finally {
      this.busy = false;
    }
  }

  #actions() {
    const b = this.booking;
    const me = this.#me;
    const buttons = [];
    if (this.#manages && b.status === 'pending') {
      buttons.push(html`<button type="button" class="btn btn-primary" ?disabled=${this.busy} @click=${() => this.#confirm()}>Confirm</button>`);
      buttons.push(html`<button type="button" class="btn" ?disabled=${this.busy} aria-expanded=${this.declining ? 'true' : 'false'}
        @click=${() => { this.declining = !this.declining; }}>Decline</button>`);
    }
    if (this.#manages && b.status === 'confirmed' && Date.parse(b.start_time) <= Date.now()) {
      buttons.push(html`<button type="button" class="btn" ?disabled=${this.busy} @click=${() => this.#act('complete', {}, () => toast('Marked completed.'))}>Mark completed</button>`);
      buttons.push(html`<button type="button" class="btn" ?disabled=${this.busy} @click=${() => this.#act('no-show', {}, () => toast('Marked as no-show.'))}>No-show</button>`);
    }
    const mayCancel = ['pending', 'confirmed'].includes(b.status) && (this.#manages || b.member_id === me.id);
    if (mayCancel) {
      buttons.push(html`<button type="button" class="btn btn-danger" ?disabled=${this.busy} @click=${() => this.#askCancel()}>
        ${b.status === 'pending' && b.member_id === me.id ? 'Cancel request' : 'Cancel lesson'}</button>`);
    }
    return buttons.length ? html`<div class="sheet-actions">${buttons}</div>` : nothing;
  }

  #details() {
    const b = this.booking;
    const me = this.#me;
    const title = b.member_id === me.id ? `Private lesson with ${b.instructor_name}`
      : b.instructor_id === me.id ? `Private lesson with ${b.member_name}` : `${b.member_name} with ${b.instructor_name}`;
    return html`<div class="details">
      <p class="title">${title}</p>
      <p>${dayWithYear(b.start_time)}, ${timeRange(b.start_time, b.end_time)}</p>
      ${this.zoneNote ? html`<p class="hint">${this.zoneNote}</p>` : nothing}
      <p>Status: <span class="badge ${b.status}" data-status=${b.status}>${statusLabel(b.status)}</span></p>
      ${b.notes ? html`<p class="hint">Notes: <span class="notes">${b.notes}</span></p>` : nothing}
      ${b.cancellation_reason ? html`<p class="hint">Reason: ${b.cancellation_reason}</p>` : nothing}
    </div>
    ${this.#actions()}
    ${this.declining ? html`<form class="decline-form" @submit=${(e) => this.#decline(e)}>
      <label class="field"><span>Reason for declining (optional)</span>
        <input type="text" name="reason" maxlength="500"></label>
      <div class="dialog-actions"><button type="submit" class="btn btn-primary" ?disabled=${this.busy}>Decline request</button></div>
    </form>` : nothing}
    ${this.actionError ? html`<p class="error action-error" role="alert">${this.actionError}</p>` : nothing}`;
  }

  #thread() {
    if (this.threadError) return html`<p class="error" role="alert">${this.threadError}</p>`;
    if (!this.messages) return html`<div aria-busy="true" aria-label="Loading messages">
      ${[1, 2].map(() => html`<span class="skeleton skeleton-bubble"></span>`)}</div>`;
    if (!this.messages.length) return html`<p class="panel-empty">No messages yet.</p>`;
    return html`<ol class="thread" aria-label="Messages">
      ${this.messages.map((m) => {
        const mine = m.sender_id === this.#me.id;
        return html`<li class="msg ${mine ? 'mine' : ''}">
          <span class="meta">${mine ? 'You' : firstName(m.sender_name)} (${stamp(m.created_at)})</span>
          <p class="bubble">${m.content}</p>
        </li>`;
      })}
    </ol>`;
  }

  #composer() {
    if (!this.booking || !this.messages) return nothing;
    if (!this.#participant) {
      return html`<p class="composer hint">Only ${this.booking.member_name} and ${this.booking.instructor_name} write here; you can read the thread.</p>`;
    }
    const length = [...this.draft].length;
    return html`<form class="composer" @submit=${(e) => this.#send(e)}>
      ${this.sendError ? html`<p class="error" role="alert">${this.sendError}</p>` : nothing}
      <div class="row">
        <label class="visually-hidden" for="message-input">Message</label>
        <textarea id="message-input" placeholder="Type a message..." maxlength=${LIMIT} aria-describedby="message-count"
          .value=${this.draft} @input=${(e) => { this.draft = e.target.value; }}
          @keydown=${(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.#send(e); }}></textarea>
        <button type="submit" class="btn btn-primary" ?disabled=${this.busy || !this.draft.trim()}>Send</button>
      </div>
      <p id="message-count" class="counter ${length >= LIMIT ? 'over' : ''}">${length} / ${LIMIT} characters</p>
    </form>`;
  }

  render() {
    const b = this.booking;
    return html`<dialog class="sheet" aria-labelledby="sheet-title" @close=${() => this.#closed()} @click=${closeOnBackdrop}>
      <div class="sheet-head">
        <button type="button" class="btn btn-ghost btn-small" @click=${() => this.close()}>← Back</button>
        <h2 id="sheet-title">Private Lesson</h2>
        <span class="spacer-4"></span>
      </div>
      <div class="sheet-scroll">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${b ? this.#details() : this.error ? nothing : html`<div aria-busy="true" aria-label="Loading lesson">
          <span class="skeleton skeleton-title"></span>
          <span class="skeleton skeleton-text"></span></div>`}
        <section aria-label="Message thread">
          <h3 class="visually-hidden">Messages</h3>
          ${this.#thread()}
        </section>
      </div>
      ${this.#composer()}
      <dialog class="cancel" aria-labelledby="cancel-title">
        ${b ? html`<form class="dialog-body" @submit=${(e) => this.#cancel(e)}>
          <h2 id="cancel-title">${b.status === 'pending' && b.member_id === this.#me?.id ? 'Cancel this request?' : 'Cancel this lesson?'}</h2>
          <p>${b.member_id === this.#me?.id ? `Your lesson with ${firstName(b.instructor_name)}` : `${b.member_name}'s lesson`}
            on ${dayWithYear(b.start_time)} at ${time(b.start_time)} will be cancelled and the time freed.</p>
          <label class="field"><span>Reason (optional)</span><input type="text" name="reason" maxlength="500"></label>
          <div class="dialog-actions">
            <button type="button" class="btn" @click=${(e) => e.target.closest('dialog').close()}>Keep it</button>
            <button type="submit" class="btn btn-danger">Yes, cancel</button>
          </div>
        </form>` : nothing}
      </dialog>
    </dialog>`;
  }
}

customElements.define('booking-sheet', BookingSheet);
