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

  _id = null;
  _me = null;
  _reread = null;
  _scrollDown = false;

  constructor() {
    super();
    this.draft = '';
    this.listen('live:booking', (e) => {
      if (e.detail.id === this._id) this.booking = { ...this.booking, ...e.detail };
    });
    this.listen('live:message', (e) => this._onMessage(e.detail));
    this.listen('live:resync', () => { if (this._id) this._load(); });
  }

  open(id, me) {
    const dialog = this.querySelector('dialog.sheet');
    if (this._id !== id) {
      this.booking = null;
      this.messages = null;
      this.draft = '';
    }
    this._id = id;
    this._me = me;
    this.error = null;
    this.actionError = null;
    this.sendError = null;
    this.declining = false;
    this.zoneNote = null;
    if (!dialog.open) openModal(dialog, () => this._returnFocusTo(id));
    this._load();
  }

  /**
   * Where focus goes when what opened the sheet is gone (a banner read away, a request answered
   * out of its list): the booking's own button on the page, else the calendar's day.
   */
  _returnFocusTo(id) {
    return document.querySelector(`button[data-booking="${id}"]`)
      ?? document.querySelector('month-calendar button[tabindex="0"]');
  }

  close() {
    this.querySelector('dialog.sheet')?.close();
  }

  _closed() {
    clearTimeout(this._reread);
    this._id = null;
  }

  get _participant() {
    const b = this.booking;
    return b && (b.member_id === this._me.id || b.instructor_id === this._me.id);
  }

  get _manages() {
    const b = this.booking;
    return b && (this._me.role === 'owner' || b.instructor_id === this._me.id);
  }

  async _load() {
    const id = this._id;
    const booking = get(`/api/bookings/${id}`).then(({ data }) => {
      if (this._id !== id) return;
      this.booking = data;
      this._describeZone(data);
    }).catch((e) => { if (this._id === id) this.error = e.detail; });
    const thread = this._loadThread(id);
    await Promise.all([booking, thread]);
  }

  async _loadThread(id = this._id) {
    try {
      const { messages } = await get(`/api/bookings/${id}/messages`);
      if (this._id !== id) return;
      this.messages = messages;
      this.threadError = null;
      this._scrollDown = true;
      window.dispatchEvent(new CustomEvent('thread-read', { detail: id }));
    } catch (e) {
      if (this._id === id) this.threadError = e.detail;
    }
  }

  async _describeZone(b) {
    const theirs = await instructorZone(b.instructor_id);
    if (theirs && theirs !== zone() && this.booking?.id === b.id) {
      this.zoneNote = `${firstName(b.instructor_name)}'s time: ${timeRange(b.start_time, b.end_time, theirs)} (${theirs}).`;
    }
  }

  _onMessage(message) {
    if (message.booking_id !== this._id || !this.messages) return;
    if (!this.messages.some((m) => m.id === message.id)) {
      this.messages = [...this.messages, message];
      this._scrollDown = true;
    }
    // read while open: reading the thread again marks it read
    if (message.sender_id !== this._me.id && this._participant) {
      clearTimeout(this._reread);
      this._reread = setTimeout(() => this._loadThread(), 100); // cancelled when the sheet closes
    }
  }

  updated() {
    if (this._scrollDown) {
      this._scrollDown = false;
      const scroller = this.querySelector('.sheet-scroll');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    }
  }

  async _act(path, body, done) {
    if (this.busy) return;
    this.busy = true;
    this.actionError = null;
    // the booking acted on: the sheet may be closed (or show another) before the answers come
    const id = this._id;
    let answer;
    try {
      answer = await post(`/api/bookings/${id}/${path}`, body);
    } catch (e) {
      this.actionError = e.detail;
      this.busy = false;
      return;
    }
    done?.(answer);
    try {
      const { data } = await get(`/api/bookings/${id}`);
      if (this._id === id) this.booking = data;
      window.dispatchEvent(new CustomEvent('booking-changed', { detail: data }));
    } catch {
      // done all the same; the stream's booking event brings the new state
    } finally {
      this.busy = false;
    }
    // the button that was pressed is gone with the old state: keep keyboard focus in the sheet
    await this.updateComplete;
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused === this.querySelector('dialog.sheet')) {
      this.querySelector('#sheet-title')?.focus();
    }
  }

  _confirm() {
    this._act('confirm', {}, (answer) => {
      const others = answer?.declined?.length ?? 0;
      toast(others ? `Lesson confirmed; ${others} overlapping ${others === 1 ? 'request was' : 'requests were'} declined.` : 'Lesson confirmed.');
    });
  }

  _decline(event) {
    event.preventDefault();
    const reason = new FormData(event.target).get('reason')?.trim();
    this._act('decline', reason ? { reason } : {}, () => {
      this.declining = false;
      toast('Request declined.');
    });
  }

  _askCancel() {
    this.actionError = null;
    openModal(this.querySelector('dialog.cancel'));
  }

  async _cancel(event) {
    event.preventDefault();
    const reason = new FormData(event.target).get('reason')?.trim();
    this.querySelector('dialog.cancel').close();
    await this._act('cancel', reason ? { reason } : {}, () => toast('Lesson cancelled.'));
  }

  async _send(event) {
    event?.preventDefault();
    const content = this.draft.trim();
    if (!content || this.busy) return;
    this.busy = true;
    this.sendError = null;
    const id = this._id;
    try {
      const { data } = await post(`/api/bookings/${id}/messages`, { content });
      this.draft = '';
      if (this._id === id && !this.messages.some((m) => m.id === data.id)) {
        this.messages = [...this.messages, data];
        this._scrollDown = true;
      }
    } catch (e) {
      this.sendError = e.detail;
    } finally {
      this.busy = false;
    }
  }

  _actions() {
    const b = this.booking;
    const me = this._me;
    const buttons = [];
    if (this._manages && b.status === 'pending') {
      buttons.push(html`<button type="button" class="btn btn-primary" ?disabled=${this.busy} @click=${() => this._confirm()}>Confirm</button>`);
      buttons.push(html`<button type="button" class="btn" ?disabled=${this.busy} aria-expanded=${this.declining ? 'true' : 'false'}
        @click=${() => { this.declining = !this.declining; }}>Decline</button>`);
    }
    if (this._manages && b.status === 'confirmed' && Date.parse(b.start_time) <= Date.now()) {
      buttons.push(html`<button type="button" class="btn" ?disabled=${this.busy} @click=${() => this._act('complete', {}, () => toast('Marked completed.'))}>Mark completed</button>`);
      buttons.push(html`<button type="button" class="btn" ?disabled=${this.busy} @click=${() => this._act('no-show', {}, () => toast('Marked as no-show.'))}>No-show</button>`);
    }
    const mayCancel = ['pending', 'confirmed'].includes(b.status) && (this._manages || b.member_id === me.id);
    if (mayCancel) {
      buttons.push(html`<button type="button" class="btn btn-danger" ?disabled=${this.busy} @click=${() => this._askCancel()}>
        ${b.status === 'pending' && b.member_id === me.id ? 'Cancel request' : 'Cancel lesson'}</button>`);
    }
    return buttons.length ? html`<div class="sheet-actions">${buttons}</div>` : nothing;
  }

  _details() {
    const b = this.booking;
    const me = this._me;
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
    ${this._actions()}
    ${this.declining && this._manages && b.status === 'pending' ? html`<form class="decline-form" @submit=${(e) => this._decline(e)}>
      <label class="field"><span>Reason for declining (optional)</span>
        <input type="text" name="reason" maxlength="500"></label>
      <div class="dialog-actions"><button type="submit" class="btn btn-primary" ?disabled=${this.busy}>Decline request</button></div>
    </form>` : nothing}
    ${this.actionError ? html`<p class="error action-error" role="alert">${this.actionError}</p>` : nothing}`;
  }

  _thread() {
    if (this.threadError) return html`<p class="error" role="alert">${this.threadError}</p>`;
    if (!this.messages) return html`<div aria-busy="true" aria-label="Loading messages">
      ${[1, 2].map(() => html`<span class="skeleton skeleton-bubble"></span>`)}</div>`;
    if (!this.messages.length) return html`<p class="panel-empty">No messages yet.</p>`;
    return html`<ol class="thread" aria-label="Messages">
      ${this.messages.map((m) => {
        const mine = m.sender_id === this._me.id;
        return html`<li class="msg ${mine ? 'mine' : ''}">
          <span class="meta">${mine ? 'You' : firstName(m.sender_name)} (${stamp(m.created_at)})</span>
          <p class="bubble">${m.content}</p>
        </li>`;
      })}
    </ol>`;
  }

  _composer() {
    if (!this.booking || !this.messages) return nothing;
    if (!this._participant) {
      return html`<p class="composer hint">Only ${this.booking.member_name} and ${this.booking.instructor_name} write here; you can read the thread.</p>`;
    }
    const length = [...this.draft].length;
    return html`<form class="composer" @submit=${(e) => this._send(e)}>
      ${this.sendError ? html`<p class="error" role="alert">${this.sendError}</p>` : nothing}
      <div class="row">
        <label class="visually-hidden" for="message-input">Message</label>
        <textarea id="message-input" placeholder="Type a message..." maxlength=${LIMIT} aria-describedby="message-count"
          .value=${this.draft} @input=${(e) => { this.draft = e.target.value; }}
          @keydown=${(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this._send(e); }}></textarea>
        <button type="submit" class="btn btn-primary" ?disabled=${this.busy || !this.draft.trim()}>Send</button>
      </div>
      <p id="message-count" class="counter ${length >= LIMIT ? 'over' : ''}">${length} / ${LIMIT} characters</p>
    </form>`;
  }

  render() {
    const b = this.booking;
    return html`<dialog class="sheet" aria-labelledby="sheet-title" @close=${() => this._closed()} @click=${closeOnBackdrop}>
      <div class="sheet-head">
        <button type="button" class="btn btn-ghost btn-small" @click=${() => this.close()}>← Back</button>
        <h2 id="sheet-title" tabindex="-1">Private Lesson</h2>
        <span class="spacer-4"></span>
      </div>
      <div class="sheet-scroll">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${b ? this._details() : this.error ? nothing : html`<div aria-busy="true" aria-label="Loading lesson">
          <span class="skeleton skeleton-title"></span>
          <span class="skeleton skeleton-text"></span></div>`}
        <section aria-label="Message thread">
          <h3 class="visually-hidden">Messages</h3>
          ${this._thread()}
        </section>
      </div>
      ${this._composer()}
      <dialog class="cancel" aria-labelledby="cancel-title">
        ${b ? html`<form class="dialog-body" @submit=${(e) => this._cancel(e)}>
          <h2 id="cancel-title">${b.status === 'pending' && b.member_id === this._me?.id ? 'Cancel this request?' : 'Cancel this lesson?'}</h2>
          <p>${b.member_id === this._me?.id ? `Your lesson with ${firstName(b.instructor_name)}` : `${b.member_name}'s lesson`}
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
