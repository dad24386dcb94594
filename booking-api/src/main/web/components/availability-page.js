import { html, nothing } from 'lit';
import { LightElement, closeOnBackdrop, openBooking, openModal } from '../base.js';
import { del, get, instructors as loadInstructors, post, query } from '../api.js';
import { WEEKDAYS, clock, dateLabel, dayWithYear, firstName, isoDate, today, weekdayOf } from '../time.js';
import './instructor-pills.js';

const LENGTHS = [45, 60, 90];

/**
 * The availability editor (instructors for themselves, the owner for every instructor): weekly
 * windows, blocked days, blocked hours and extra hours. Before a change that takes hours away
 * (removing, blocking) it shows the pending requests and confirmed lessons in those hours and asks;
 * after it, the pending requests the change declined and the confirmed lessons it conflicts with
 * (the API's `declined` and `conflicts`). Times are the instructor's local times.
 */
class AvailabilityPage extends LightElement {
  static properties = {
    me: { attribute: false }, instructors: { state: true }, selected: { state: true }, availability: { state: true },
    error: { state: true }, windowError: { state: true }, overrideError: { state: true }, outcome: { state: true },
    busy: { state: true }, length: { state: true }, kind: { state: true }, review: { state: true },
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

  /** The instructor's zone (the API answers the studio's for one who set none): the editor's times are in it. */
  get zone() {
    return this._instructor?.time_zone;
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
      if (id === this.selected) this.error = e.detail;
    }
  }

  _select(id) {
    this.selected = id;
    this.availability = null;
    this.outcome = null;
    this.windowError = null;
    this.overrideError = null;
    this._load();
  }

  /**
   * The future pending requests and confirmed lessons a change of these hours touches: on `date`, or
   * on `weekday` between `effectiveFrom` and `effectiveUntil`; lessons `inside` from–to (what removing
   * hours orphans), or overlapping it (what a block removes), or the whole day.
   */
  async _touched({ date, weekday, effectiveFrom, effectiveUntil, from, to, inside }) {
    const zone = this.zone;
    const first = [today(zone), effectiveFrom].filter(Boolean).sort().at(-1);
    if (!date && effectiveUntil && effectiveUntil < first) return []; // hours that ended: nothing ahead
    const { data } = await get(`/api/bookings${query({ instructor_id: this.selected, status: 'pending,confirmed',
      start: date ?? first, end: date ?? effectiveUntil })}`);
    const now = Date.now();
    return data.filter((b) => {
      const day = isoDate(b.start_time, zone);
      if (Date.parse(b.start_time) <= now || (weekday !== undefined && weekdayOf(day) !== weekday)) return false;
      if (!from) return true;
      const start = clock(b.start_time, zone);
      const end = isoDate(b.end_time, zone) === day ? clock(b.end_time, zone) : '24:00';
      return inside ? start >= from && end <= to : start < to && end > from;
    });
  }

  /** Shows what a change that takes hours away touches, and makes it only if the user goes on. */
  async _confirm(title, verb, hours, errorField, change) {
    this.review = { title, verb, errorField, change, loading: true, pending: [], confirmed: [] };
    await this.updateComplete;
    openModal(this.querySelector('dialog.review'), () => this.querySelector('h1'));
    const review = this.review;
    try {
      const touched = await this._touched(hours);
      if (this.review === review) {
        this.review = { ...review, loading: false, pending: touched.filter((b) => b.status === 'pending'),
          confirmed: touched.filter((b) => b.status === 'confirmed') };
      }
    } catch {
      if (this.review === review) this.review = { ...review, loading: false, lookupFailed: true };
    }
  }

  async _go() {
    const { errorField, change } = this.review;
    this.querySelector('dialog.review').close();
    await this._change(errorField, change);
  }

  /** Describes the declined requests and conflicting lessons a change answered with. */
  async _report(action, answer) {
    const selected = this.selected;
    const ids = [...(answer.declined ?? []), ...(answer.conflicts ?? [])];
    const bookings = new Map();
    await Promise.all(ids.map(async (id) => {
      try {
        bookings.set(id, (await get(`/api/bookings/${id}`)).data);
      } catch {
        bookings.set(id, null);
      }
    }));
    if (selected !== this.selected) return; // the user went on to another instructor meanwhile
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
    this.windowError = body.end_time <= body.start_time ? 'The end must be after the start.'
      : body.effective_until && body.effective_until < (body.effective_from ?? today(this.zone))
        ? 'The last day must not be before the first.' : null;
    if (this.windowError) return;
    await this._change('windowError', async () => {
      await post('/api/availability', body);
      this.outcome = { action: `Added ${WEEKDAYS[body.day_of_week]} ${body.start_time}–${body.end_time}.`, declined: [], conflicts: [] };
    });
  }

  _removeWindow(w) {
    const what = `${WEEKDAYS[w.day_of_week]} ${w.start_time}–${w.end_time}`;
    this._confirm(`Remove ${what}?`, 'Remove', { weekday: w.day_of_week, effectiveFrom: w.effective_from,
      effectiveUntil: w.effective_until, from: w.start_time, to: w.end_time, inside: true }, 'windowError', async () => {
      const answer = await del(`/api/availability/${w.id}`);
      await this._report(`Removed ${what}.`, answer);
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
    this.overrideError = body.start_time && body.end_time <= body.start_time ? 'The end must be after the start.' : null;
    if (this.overrideError) return;
    const kind = this.kind;
    const what = { day: 'Blocked', hours: `Blocked ${body.start_time}–${body.end_time} on`, extra: 'Added extra hours on' }[kind];
    const save = async () => {
      const answer = await post('/api/availability/overrides', body);
      await this._report(`${what} ${dateLabel(body.override_date)}.`, answer);
    };
    if (kind === 'extra') {
      await this._change('overrideError', save);
    } else {
      const hours = kind === 'day' ? '' : ` ${body.start_time}–${body.end_time}`;
      this._confirm(`Block${hours} on ${dateLabel(body.override_date)}?`, 'Block', { date: body.override_date,
        from: body.start_time, to: body.end_time, inside: false }, 'overrideError', save);
    }
  }

  _removeOverride(o) {
    const remove = async () => {
      const answer = await del(`/api/availability/overrides/${o.id}`);
      await this._report(`Removed the change on ${dateLabel(o.override_date)}.`, answer);
    };
    if (!o.is_available) {
      this._change('overrideError', remove); // lifting a block takes no hours away
      return;
    }
    this._confirm(`Remove the extra hours ${o.start_time}–${o.end_time} on ${dateLabel(o.override_date)}?`, 'Remove',
      { date: o.override_date, from: o.start_time, to: o.end_time, inside: true }, 'overrideError', remove);
  }

  /**
   * One change while the editor is busy, then the schedule reloaded; a refusal's text goes to
   * `errorField`. Focus that was on a row the change removed goes to the page's heading.
   */
  async _change(errorField, work) {
    const id = this.selected;
    this.busy = true;
    this.windowError = null;
    this.overrideError = null;
    try {
      await work();
      await this._load();
    } catch (e) {
      if (id === this.selected) this[errorField] = e.detail;
    } finally {
      this.busy = false;
      await this.updateComplete;
      if (!document.activeElement || document.activeElement === document.body) this.querySelector('h1')?.focus();
    }
  }

  /** "Ana, Thu, Feb 5 at 14:00": the instructor's local time, as the editor's hours are. */
  _when(booking) {
    return `${dayWithYear(booking.start_time, this.zone)} at ${clock(booking.start_time, this.zone)}`;
  }

  _bookingLine({ id, booking }) {
    if (!booking) return html`<li>Booking ${id}</li>`;
    return html`<li>${booking.member_name}, ${this._when(booking)}
      <button type="button" class="btn btn-small" @click=${() => openBooking(id)}
        aria-label="Open ${booking.member_name}'s lesson on ${dayWithYear(booking.start_time, this.zone)}">Open</button></li>`;
  }

  _reviewDialog() {
    const r = this.review;
    const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    const list = (bookings) => html`<ul>${bookings.map((b) => html`<li>${b.member_name}, ${this._when(b)}</li>`)}</ul>`;
    return html`<dialog class="review" aria-labelledby="review-title" @click=${closeOnBackdrop}
        @close=${() => { this.review = null; }}>
      ${r ? html`<div class="dialog-body">
        <h2 id="review-title">${r.title}</h2>
        ${r.loading ? html`<p aria-busy="true">Looking for requests and lessons in these hours…</p>` : nothing}
        ${r.lookupFailed ? html`<p class="error" role="alert">The requests and lessons in these hours could not be looked up.
          Pending requests there will be declined; confirmed lessons stay booked.</p>` : nothing}
        ${r.pending.length ? html`<p><strong>${plural(r.pending.length, 'pending request', 'pending requests')}</strong>
          will be declined, unless other hours still offer ${r.pending.length === 1 ? 'its' : 'their'} time:</p>${list(r.pending)}` : nothing}
        ${r.confirmed.length ? html`<p><strong>${plural(r.confirmed.length, 'confirmed lesson', 'confirmed lessons')}</strong>
          ${r.confirmed.length === 1 ? 'stays' : 'stay'} booked and will need your attention:</p>${list(r.confirmed)}` : nothing}
        ${!r.loading && !r.lookupFailed && !r.pending.length && !r.confirmed.length
          ? html`<p>No pending requests or confirmed lessons fall in these hours.</p>` : nothing}
        <div class="dialog-actions">
          <button type="button" class="btn" @click=${() => this.querySelector('dialog.review').close()}>Keep</button>
          <button type="button" class="btn btn-danger" ?disabled=${r.loading} @click=${() => this._go()}>${r.verb}</button>
        </div>
      </div>` : nothing}
    </dialog>`;
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
          <input type="number" name="other_length" min="15" max="240" step="1" required value="30"></label>` : nothing}
        <label class="field"><span>Starting (optional)</span><input type="date" name="effective_from" min=${today(this.zone)}></label>
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
        <label class="field"><span>Date</span><input type="date" name="override_date" required min=${today(this.zone)}></label>
        ${this.kind !== 'day' ? html`
          <label class="field"><span>From</span><input type="time" name="start_time" required></label>
          <label class="field"><span>To</span><input type="time" name="end_time" required></label>` : nothing}
        ${this.kind === 'extra' ? html`<label class="field"><span>Slot length (minutes)</span>
          <input type="number" name="slot_duration_minutes" min="15" max="240" step="1" value="60" required></label>` : nothing}
        <label class="field"><span>Reason (optional)</span><input type="text" name="reason" maxlength="200"></label>
        <button type="submit" class="btn btn-primary" ?disabled=${this.busy}>Save change</button>
      </form>
      ${this.overrideError ? html`<p class="error" role="alert">${this.overrideError}</p>` : nothing}
    </section>`;
  }

  render() {
    const instructor = this._instructor;
    return html`
      <div class="page-head"><h1 tabindex="-1">Availability${instructor ? html` <span class="hint">· ${instructor.display_name}</span>` : nothing}</h1></div>
      ${this.me.role === 'owner' ? html`<instructor-pills .instructors=${this.instructors} .selected=${this.selected}
        @select-instructor=${(e) => this._select(e.detail)}></instructor-pills>` : nothing}
      ${instructor && this.zone ? html`<p class="hint">Times are ${firstName(instructor.display_name)}'s local time (${this.zone}).</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this._outcome()}
      ${this.availability ? html`<div class="editor">${this._weekly()}${this._overrides()}</div>`
        : this.error ? nothing : html`<div class="editor" aria-busy="true"><span class="skeleton skeleton-editor"></span>
          <span class="skeleton skeleton-editor-short"></span></div>`}
      ${this._reviewDialog()}`;
  }
}

customElements.define('availability-page', AvailabilityPage);
