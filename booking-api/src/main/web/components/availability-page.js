import { html, nothing } from 'lit';
import { LightElement, openBooking } from '../base.js';
import { del, get, instructors as loadInstructors, post } from '../api.js';
import { WEEKDAYS, dateLabel, dayWithYear, firstName, time, today } from '../time.js';
import './instructor-pills.js';

const LENGTHS = [45, 60, 90];

/**
 * The availability editor (instructors for themselves, the owner for every instructor): weekly
 * windows, blocked days, blocked hours and extra hours. After a change it lists the pending
 * requests the change declined and the confirmed lessons it conflicts with (the API's
 * `declined` and `conflicts`).
 */
class AvailabilityPage extends LightElement {
  static properties = {
    me: { attribute: false }, instructors: { state: true }, selected: { state: true }, availability: { state: true },
    error: { state: true }, windowError: { state: true }, overrideError: { state: true }, outcome: { state: true },
    busy: { state: true }, length: { state: true }, kind: { state: true },
  };

  constructor() {
    super();
    this.length = '60';
    this.kind = 'day';
    this.listen('live:availability', (e) => { if (e.detail.instructor_id === this.selected) this._load(); });
    this.listen('live:resync', () => this._load());
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Availability · Private Lessons';
    this._start();
  }

  async _start() {
    try {
      const { instructors } = await loadInstructors();
      this.instructors = this.me.role === 'owner' ? instructors : instructors.filter((i) => i.id === this.me.id);
      this.selected = this.instructors.some((i) => i.id === this.me.id) ? this.me.id : this.instructors[0]?.id;
      await this._load();
    } catch (e) {
      this.error = e.detail;
    }
  }

  get _instructor() {
    return this.instructors?.find((i) => i.id === this.selected);
  }

  async _load() {
    if (!this.selected) return;
    const id = this.selected;
    try {
      const data = await get(`/api/availability/${id}`);
      if (id === this.selected) {
        this.availability = data;
        this.error = null;
      }
    } catch (e) {
      this.error = e.detail;
    }
  }

  _select(id) {
    this.selected = id;
    this.availability = null;
    this.outcome = null;
    this._load();
  }

  /** Describes the declined requests and conflicting lessons a change answered with. */
  async _report(action, answer) {
    const ids = [...(answer.declined ?? []), ...(answer.conflicts ?? [])];
    const bookings = new Map();
    await Promise.all(ids.map(async (id) => {
      try {
        bookings.set(id, (await get(`/api/bookings/${id}`)).data);
      } catch {
        bookings.set(id, null);
      }
    }));
    this.outcome = {
      action,
      declined: (answer.declined ?? []).map((id) => ({ id, booking: bookings.get(id) })),
      conflicts: (answer.conflicts ?? []).map((id) => ({ id, booking: bookings.get(id) })),
    };
  }

  async _addWindow(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const minutes = this.length === 'other' ? Number(form.get('other_length')) : Number(this.length);
    const body = {
      instructor_id: this.selected, day_of_week: Number(form.get('day_of_week')),
      start_time: form.get('start_time'), end_time: form.get('end_time'), slot_duration_minutes: minutes,
    };
    if (form.get('effective_from')) body.effective_from = form.get('effective_from');
    if (form.get('effective_until')) body.effective_until = form.get('effective_until');
    this.windowError = null;
    await this._change('windowError', async () => {
      await post('/api/availability', body);
      this.outcome = { action: `Added ${WEEKDAYS[body.day_of_week]} ${body.start_time}–${body.end_time}.`, declined: [], conflicts: [] };
    });
  }

  async _removeWindow(w) {
    await this._change('windowError', async () => {
      const answer = await del(`/api/availability/${w.id}`);
      await this._report(`Removed ${WEEKDAYS[w.day_of_week]} ${w.start_time}–${w.end_time}.`, answer);
    });
  }

  async _addOverride(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { instructor_id: this.selected, override_date: form.get('override_date'), is_available: this.kind === 'extra' };
    if (this.kind !== 'day') {
      body.start_time = form.get('start_time');
      body.end_time = form.get('end_time');
    }
    if (this.kind === 'extra') body.slot_duration_minutes = Number(form.get('slot_duration_minutes'));
    if (form.get('reason')?.trim()) body.reason = form.get('reason').trim();
    this.overrideError = null;
    await this._change('overrideError', async () => {
      const answer = await post('/api/availability/overrides', body);
      const what = { day: 'Blocked', hours: 'Blocked hours on', extra: 'Added extra hours on' }[this.kind];
      await this._report(`${what} ${dateLabel(body.override_date)}.`, answer);
    });
  }

  async _removeOverride(o) {
    await this._change('overrideError', async () => {
      const answer = await del(`/api/availability/overrides/${o.id}`);
      await this._report(`Removed the change on ${dateLabel(o.override_date)}.`, answer);
    });
  }

  /** One change while the editor is busy, then the schedule reloaded; a refusal's text goes to `errorField`. */
  async _change(errorField, work) {
    this.busy = true;
    try {
      await work();
      await this._load();
    } catch (e) {
      this[errorField] = e.detail;
    } finally {
      this.busy = false;
    }
  }

  _bookingLine({ id, booking }) {
    if (!booking) return html`<li>Booking ${id}</li>`;
    return html`<li>${booking.member_name}, ${dayWithYear(booking.start_time)} at ${time(booking.start_time)}
      <button type="button" class="btn btn-small" @click=${() => openBooking(id)}
        aria-label="Open ${booking.member_name}'s lesson on ${dayWithYear(booking.start_time)}">Open</button></li>`;
  }

  _outcome() {
    const o = this.outcome;
    if (!o) return nothing;
    return html`<div class="outcome notice" role="status">
      <p>${o.action}</p>
      ${o.declined.length ? html`<p><strong>${o.declined.length} pending ${o.declined.length === 1 ? 'request was' : 'requests were'} declined:</strong></p>
        <ul class="declined">${o.declined.map((d) => this._bookingLine(d))}</ul>` : nothing}
      ${o.conflicts.length ? html`<p><strong>${o.conflicts.length} confirmed ${o.conflicts.length === 1 ? 'lesson conflicts' : 'lessons conflict'}</strong>
        (still booked: talk to the member, or cancel it):</p>
        <ul class="conflicts">${o.conflicts.map((d) => this._bookingLine(d))}</ul>` : nothing}
    </div>`;
  }

  _weekly() {
    const weekly = [...this.availability.weekly].sort((a, b) => a.day_of_week - b.day_of_week || a.start_time.localeCompare(b.start_time));
    return html`<section class="card" aria-labelledby="weekly-title">
      <h2 id="weekly-title">Weekly hours</h2>
      ${weekly.length ? html`<table class="rows"><thead><tr><th scope="col">Day</th><th scope="col">Hours</th><th scope="col">Slot length</th>
          <th scope="col">From</th><th scope="col">Until</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${weekly.map((w) => html`<tr>
          <td>${WEEKDAYS[w.day_of_week]}</td><td>${w.start_time}–${w.end_time}</td><td>${w.slot_duration_minutes} min</td>
          <td>${w.effective_from ?? '—'}</td><td>${w.effective_until ?? '—'}</td>
          <td><button type="button" class="btn btn-small btn-danger" ?disabled=${this.busy}
            aria-label="Remove ${WEEKDAYS[w.day_of_week]} ${w.start_time}–${w.end_time}" @click=${() => this._removeWindow(w)}>Remove</button></td>
        </tr>`)}</tbody></table>` : html`<p class="panel-empty">No weekly hours yet.</p>`}
      <form class="form-grid" aria-label="Add weekly hours" @submit=${(e) => this._addWindow(e)}>
        <label class="field"><span>Day</span><select name="day_of_week">${WEEKDAYS.map((d, i) => html`<option value=${i}>${d}</option>`)}</select></label>
        <label class="field"><span>From</span><input type="time" name="start_time" required value="14:00"></label>
        <label class="field"><span>To</span><input type="time" name="end_time" required value="18:00"></label>
        <label class="field"><span>Slot length</span><select name="slot_duration_minutes" @change=${(e) => { this.length = e.target.value; }}>
          ${LENGTHS.map((m) => html`<option value=${m} ?selected=${String(m) === this.length}>${m} minutes</option>`)}
          <option value="other">Other…</option></select></label>
        ${this.length === 'other' ? html`<label class="field"><span>Minutes (15–240)</span>
          <input type="number" name="other_length" min="15" max="240" step="5" required value="30"></label>` : nothing}
        <label class="field"><span>Starting (optional)</span><input type="date" name="effective_from" min=${today()}></label>
        <label class="field"><span>Until (optional)</span><input type="date" name="effective_until"></label>
        <button type="submit" class="btn btn-primary" ?disabled=${this.busy}>Add weekly hours</button>
      </form>
      ${this.windowError ? html`<p class="error" role="alert">${this.windowError}</p>` : nothing}
    </section>`;
  }

  _overrides() {
    const overrides = [...this.availability.overrides].sort((a, b) => a.override_date.localeCompare(b.override_date));
    const describe = (o) => (o.is_available ? `Extra hours ${o.start_time}–${o.end_time} (${o.slot_duration_minutes ?? 60} min)`
      : o.start_time ? `Blocked ${o.start_time}–${o.end_time}` : 'Day off');
    return html`<section class="card" aria-labelledby="dates-title">
      <h2 id="dates-title">Days off, blocked and extra hours</h2>
      ${overrides.length ? html`<table class="rows"><thead><tr><th scope="col">Date</th><th scope="col">Change</th><th scope="col">Reason</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${overrides.map((o) => html`<tr>
          <td>${dateLabel(o.override_date)}</td><td>${describe(o)}</td><td>${o.reason ?? ''}</td>
          <td><button type="button" class="btn btn-small btn-danger" ?disabled=${this.busy}
            aria-label="Remove ${describe(o)} on ${dateLabel(o.override_date)}" @click=${() => this._removeOverride(o)}>Remove</button></td>
        </tr>`)}</tbody></table>` : html`<p class="panel-empty">No days off or extra hours.</p>`}
      <form class="form-grid" aria-label="Add a day off, blocked or extra hours" @submit=${(e) => this._addOverride(e)}>
        <fieldset class="full-row">
          <legend>Change</legend>
          ${[['day', 'Block the whole day'], ['hours', 'Block some hours'], ['extra', 'Add extra hours']].map(([value, label]) => html`
            <label><input type="radio" name="kind" value=${value} .checked=${this.kind === value}
              @change=${() => { this.kind = value; }}> ${label}</label>`)}
        </fieldset>
        <label class="field"><span>Date</span><input type="date" name="override_date" required min=${today()}></label>
        ${this.kind !== 'day' ? html`
          <label class="field"><span>From</span><input type="time" name="start_time" required></label>
          <label class="field"><span>To</span><input type="time" name="end_time" required></label>` : nothing}
        ${this.kind === 'extra' ? html`<label class="field"><span>Slot length (minutes)</span>
          <input type="number" name="slot_duration_minutes" min="15" max="240" step="5" value="60" required></label>` : nothing}
        <label class="field"><span>Reason (optional)</span><input type="text" name="reason" maxlength="200"></label>
        <button type="submit" class="btn btn-primary" ?disabled=${this.busy}>Save change</button>
      </form>
      ${this.overrideError ? html`<p class="error" role="alert">${this.overrideError}</p>` : nothing}
    </section>`;
  }

  render() {
    const instructor = this._instructor;
    return html`
      <div class="page-head"><h1>Availability${instructor ? html` <span class="hint">· ${instructor.display_name}</span>` : nothing}</h1></div>
      ${this.me.role === 'owner' ? html`<instructor-pills .instructors=${this.instructors} .selected=${this.selected}
        @select-instructor=${(e) => this._select(e.detail)}></instructor-pills>` : nothing}
      ${instructor && instructor.time_zone ? html`<p class="hint">Times are ${firstName(instructor.display_name)}'s local time (${instructor.time_zone}).</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this._outcome()}
      ${this.availability ? html`<div class="editor">${this._weekly()}${this._overrides()}</div>`
        : this.error ? nothing : html`<div class="editor" aria-busy="true"><span class="skeleton skeleton-editor"></span>
          <span class="skeleton skeleton-editor-short"></span></div>`}`;
  }
}

customElements.define('availability-page', AvailabilityPage);
