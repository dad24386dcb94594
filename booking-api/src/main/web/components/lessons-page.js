import { html, nothing } from 'lit';
import { LightElement, closeOnBackdrop, isStaff, openModal, toast } from '../base.js';
import { firstScreenShown, get, instructors as loadInstructors, query } from '../api.js';
import { addDays, day, firstName, isoDate, time, today, zone } from '../time.js';
import './instructor-pills.js';
import './month-calendar.js';
import './slot-panel.js';
import './unread-banner.js';
import './lesson-list.js';
import './request-dialog.js';

const WIDE = window.matchMedia('(min-width: 1024px)');
const ACTIVE = ['pending', 'confirmed'];
const DISMISSED = 'booking.dismissed-unread';
const REMEMBERED = 'booking.instructor';

/**
 * The "Private Lessons" page: unread banner, instructor pills, month calendar, the chosen day's
 * times (side panel from 1024 px, bottom drawer below), and the lessons list. Calendars are cached
 * per instructor and month, so switching instructors shows what is known at once; live events mark
 * them stale and refetch what is on screen.
 */
class LessonsPage extends LightElement {
  static properties = {
    me: { attribute: false },
    instructors: { state: true },
    selected: { state: true },
    month: { state: true },
    calendar: { state: true },
    calendarError: { state: true },
    date: { state: true },
    slots: { state: true },
    slotsLoading: { state: true },
    slotsError: { state: true },
    unread: { state: true },
    bannerStarts: { state: true },
    dismissed: { state: true },
    lessons: { state: true },
    lessonsError: { state: true },
    wide: { state: true },
  };

  _calendars = new Map(); // "instructor|month" → {data, stale}
  _changes = 0; // how many times calendars were marked stale: an answer asked before the last one is stale too
  _slotsWanted = null;
  _lessonsWanted = null;
  _statuses = new Map(); // booking id → last status seen (for notices)
  _refresh = {};
  _lastRequested = null;
  _shownKey = null;
  _focusRequest = false;
  _timing = 'ready';

  constructor() {
    super();
    this.wide = WIDE.matches;
    this.bannerStarts = new Map();
    this.dismissed = new Set(JSON.parse(sessionStorage.getItem(DISMISSED) ?? '[]'));
    this._onWide = () => { this.wide = WIDE.matches; if (this.wide) this.querySelector('dialog.drawer')?.close(); };
    this.listen('live:booking', (e) => this._onBooking(e.detail));
    this.listen('live:availability', (e) => this._onAvailability(e.detail));
    this.listen('live:unread', (e) => this._onUnread(e.detail));
    this.listen('live:message', (e) => { if (e.detail.sender_id !== this.me.id) this._later('unread', () => this._loadUnread(), 50); });
    this.listen('live:resync', () => this._resync());
    this.listen('thread-read', (e) => this._onUnread({ booking_id: e.detail, unread: false }));
    this.listen('booking-changed', (e) => this._onBooking(e.detail));
  }

  _onWide;

  connectedCallback() {
    super.connectedCallback();
    WIDE.addEventListener('change', this._onWide);
    document.title = 'Private Lessons';
    this._start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    WIDE.removeEventListener('change', this._onWide);
    for (const timer of Object.values(this._refresh)) clearTimeout(timer);
  }

  get _staff() {
    return isStaff(this.me);
  }

  get _instructor() {
    return this.instructors?.find((i) => i.id === this.selected) ?? null;
  }

  async _start() {
    this.month = today().slice(0, 7);
    this._loadUnread();
    try {
      const { instructors } = await loadInstructors();
      // members do not book themselves; staff see every instructor
      this.instructors = this._staff ? instructors : instructors.filter((i) => i.id !== this.me.id);
    } catch (e) {
      this.calendarError = e.detail;
      return;
    }
    const remembered = sessionStorage.getItem(REMEMBERED);
    const ids = this.instructors.map((i) => i.id);
    this.selected = (remembered === 'all' && this.me.role === 'owner') || ids.includes(remembered) ? remembered
      : this.me.role === 'owner' ? 'all'
        : this._staff && ids.includes(this.me.id) ? this.me.id : ids[0] ?? null;
    this._loadLessons();
    if (this.selected) {
      await this._loadCalendar();
      this._prefetch();
    }
  }

  // ---------------------------------------------------------------- data

  _key(instructor = this.selected, month = this.month) {
    return `${instructor}|${month}`;
  }

  async _loadCalendar() {
    const key = this._key();
    const cached = this._calendars.get(key);
    // another pill or month: what is known shows at once; the same one stays as it is while refreshed
    if (this._shownKey !== key) {
      this._shownKey = key;
      this.calendar = cached?.data ?? null;
    }
    this.calendarError = null;
    if (cached && !cached.stale) return;
    try {
      const data = await this._fetchCalendar(this.selected, this.month);
      // only onto the calendar still on screen: the user may have moved on (even back to a cached one)
      if (this._shownKey === key) {
        this.calendar = data;
        this._rememberStatuses(allBookings(data));
      }
    } catch (e) {
      if (this._shownKey === key) this.calendarError = e.detail;
    }
  }

  async _fetchCalendar(instructor, month) {
    const path = instructor === 'all' ? `/api/calendar/all?month=${month}` : `/api/calendar/${instructor}?month=${month}`;
    const changesBefore = this._changes;
    const data = await get(path);
    // a change announced while this answer was on its way may be missing from it: kept stale, asked again
    this._calendars.set(this._key(instructor, month), { data, stale: this._changes !== changesBefore });
    return data;
  }

  /** The other pills' calendars of this month, one after the other, so a switch shows at once. */
  async _prefetch() {
    const others = [...(this.me.role === 'owner' ? ['all'] : []), ...this.instructors.map((i) => i.id)]
      .filter((id) => id !== this.selected).slice(0, 12);
    for (const id of others) {
      if (!this.isConnected) return;
      const entry = this._calendars.get(this._key(id));
      if (entry && !entry.stale) continue;
      try {
        await this._fetchCalendar(id, this.month);
      } catch {
        // a failed prefetch is fetched again when that pill is chosen
      }
    }
  }

  async _loadSlots() {
    const date = this.date;
    if (!date || !this.selected || this.selected === 'all') {
      this.slots = null;
      return;
    }
    const key = this._key(this.selected, date);
    this._slotsWanted = key;
    this.slotsLoading = true;
    this.slotsError = null;
    try {
      const { slots } = await get(`/api/slots/${this.selected}${query({ start: date, end: date })}`);
      if (this._slotsWanted === key) this.slots = slots;
    } catch (e) {
      if (this._slotsWanted === key) this.slotsError = e.detail;
    } finally {
      if (this._slotsWanted === key) this.slotsLoading = false;
    }
  }

  async _loadLessons() {
    const params = this._staff
      ? { instructor_id: this.selected === 'all' ? null : this.selected, start: addDays(today(), -30) }
      : { member_id: this.me.id };
    const path = `/api/bookings${query(params)}`;
    this._lessonsWanted = path;
    this.lessonsError = null;
    try {
      const { data } = await get(path);
      if (this._lessonsWanted === path) {
        this.lessons = data;
        this._rememberStatuses(data);
      }
    } catch (e) {
      if (this._lessonsWanted === path) this.lessonsError = e.detail;
    }
    this._bannerStart();
  }

  async _loadUnread() {
    try {
      const { unread } = await get('/api/bookings/unread');
      this.unread = unread;
      this._bannerStart();
    } catch {
      this.unread = [];
    }
  }

  /** The banner names the lesson's time: found in what is loaded, else asked for once. */
  async _bannerStart() {
    const item = this._bannerItem();
    // the lessons (and the calendar) usually hold the lesson: asked for only when they do not
    if (!item || this.bannerStarts.has(item.booking_id) || (this.lessons === undefined && !this.lessonsError)) return;
    const known = this.lessons?.find((b) => b.id === item.booking_id)
      ?? (this.calendar ? allBookings(this.calendar).find((b) => b.id === item.booking_id) : null);
    let start = known?.start_time;
    if (!start) {
      try {
        start = (await get(`/api/bookings/${item.booking_id}`)).data.start_time;
      } catch {
        start = null;
      }
    }
    this.bannerStarts = new Map(this.bannerStarts).set(item.booking_id, start);
  }

  _bannerItem() {
    return (this.unread ?? []).find((u) => !this.dismissed.has(`${u.booking_id}|${u.latest_message_at}`)) ?? null;
  }

  // ---------------------------------------------------------------- live

  /** Runs `task` once after `ms`, however often it is asked for meanwhile. */
  _later(name, task, ms = 120) {
    clearTimeout(this._refresh[name]);
    this._refresh[name] = setTimeout(() => { if (this.isConnected) task(); }, ms);
  }

  /** Shows a locally changed calendar and keeps it as the cached one (still stale: a refetch follows). */
  _showPatched(calendar) {
    this.calendar = calendar;
    const entry = this._calendars.get(this._shownKey);
    if (entry) entry.data = calendar;
  }

  _markStale(instructorId) {
    this._changes += 1;
    for (const [key, entry] of this._calendars) {
      if (instructorId === null || key.startsWith(`${instructorId}|`) || key.startsWith('all|')) entry.stale = true;
    }
  }

  _refetchVisible() {
    if (!this.selected) return;
    this._later('calendar', () => this._loadCalendar());
    this._later('slots', () => this._loadSlots());
  }

  _onBooking(booking) {
    this._notify(booking);
    this._markStale(booking.instructor_id);
    // show the change at once; the refetch brings the slot counts
    if (this.calendar && (this.selected === 'all' || this.selected === booking.instructor_id)) {
      this._showPatched(patchCalendar(this.calendar, booking));
    }
    if (this.lessons) {
      const index = this.lessons.findIndex((b) => b.id === booking.id);
      if (index >= 0) this.lessons = this.lessons.map((b) => (b.id === booking.id ? { ...b, ...booking } : b));
    }
    if (this.selected === 'all' || this.selected === booking.instructor_id) this._refetchVisible();
    this._later('lessons', () => this._loadLessons());
  }

  _onAvailability({ instructor_id: instructorId }) {
    this._markStale(instructorId);
    if (this.selected === 'all' || this.selected === instructorId) this._refetchVisible();
  }

  _onUnread({ booking_id: id, unread }) {
    for (const entry of this._calendars.values()) entry.data = patchUnread(entry.data, id, unread);
    if (this.calendar) this.calendar = this._calendars.get(this._shownKey)?.data ?? patchUnread(this.calendar, id, unread);
    if (this.lessons?.some((b) => b.id === id)) {
      this.lessons = this.lessons.map((b) => (b.id === id ? { ...b, unread } : b));
    }
    if (!unread && this.unread) this.unread = this.unread.filter((u) => u.booking_id !== id);
    this._later('unread', () => this._loadUnread(), 50);
  }

  _resync() {
    this._markStale(null);
    this._refetchVisible();
    this._later('lessons', () => this._loadLessons());
    this._later('unread', () => this._loadUnread(), 50);
  }

  _rememberStatuses(bookings) {
    for (const b of bookings) this._statuses.set(b.id, b.status);
  }

  /** A notice for what someone else did to the viewer's lessons. */
  _notify(b) {
    const before = this._statuses.get(b.id);
    this._statuses.set(b.id, b.status);
    if (before === b.status) return;
    const when = `${day(b.start_time)} at ${time(b.start_time)}`;
    const teacher = firstName(b.instructor_name);
    if (b.member_id === this.me.id) {
      const texts = {
        confirmed: `${teacher} confirmed your lesson on ${when}.`,
        declined: `${teacher} declined your request for ${when}.`,
        expired: `Your request for ${when} expired without an answer.`,
        cancelled_by_instructor: `Your lesson on ${when} was cancelled by the studio.`,
      };
      if (texts[b.status]) toast(texts[b.status]);
    } else if (b.instructor_id === this.me.id) {
      if (b.status === 'pending' && before === undefined) toast(`New request from ${b.member_name} for ${when}.`);
      if (b.status === 'cancelled_by_member') toast(`${b.member_name} cancelled the lesson on ${when}.`);
    }
  }

  // ---------------------------------------------------------------- interactions

  _selectInstructor(id) {
    if (id === this.selected) return;
    performance.mark('instructor-switch');
    this._timing = 'switch';
    this.selected = id;
    sessionStorage.setItem(REMEMBERED, id);
    this.slots = null;
    this._loadCalendar();
    this._loadSlots();
    this._loadLessons();
  }

  _changeMonth(month) {
    this.month = month;
    if (this.date && !this.date.startsWith(month)) {
      // the chosen day is judged against its own month's bookings: in another month's it would lie
      this.date = null;
      this.slots = null;
      this._slotsWanted = null;
      this.slotsLoading = false;
    }
    this._loadCalendar();
  }

  _selectDate(date) {
    this.date = date;
    if (!date.startsWith(this.month)) this._changeMonth(date.slice(0, 7));
    this.slots = null;
    this._loadSlots();
    if (!this.wide) {
      this.updateComplete.then(() => openModal(this.querySelector('dialog.drawer'),
        () => this.querySelector(`month-calendar button[data-date="${this.date}"]`)));
    }
  }

  _requestSlot(slot) {
    // after a request the slot's button becomes the request's: focus goes there
    this.querySelector('request-dialog').open(this._instructor, slot, this._zoneNote(),
      () => this.querySelector(`slot-panel button[data-booking="${this._lastRequested}"]`)
        ?? this.querySelector(`month-calendar button[data-date="${this.date}"]`));
  }

  _requested({ booking_id: id, slot }) {
    this._lastRequested = id;
    this._focusRequest = true;
    const i = this._instructor;
    toast(`Request sent to ${firstName(i.display_name)}: pending until confirmed.`);
    // the new pending request, shown before the refetch answers
    const booking = {
      id, status: 'pending', start_time: slot.slot_start, end_time: slot.slot_end, instructor_id: i.id,
      instructor_name: i.display_name, member_id: this.me.id, member_name: this.me.display_name, unread: false,
    };
    this._statuses.set(id, 'pending');
    if (this.calendar) this._showPatched(patchCalendar(this.calendar, booking));
    this._markStale(i.id);
    this._refetchVisible();
    this._loadLessons();
  }

  _dismiss(item) {
    this.dismissed = new Set(this.dismissed).add(`${item.booking_id}|${item.latest_message_at}`);
    sessionStorage.setItem(DISMISSED, JSON.stringify([...this.dismissed]));
  }

  _zoneNote() {
    const instructorZone = this.calendar?.time_zone;
    if (!instructorZone || instructorZone === zone()) return null;
    const who = this.selected === 'all' ? 'the studio' : firstName(this._instructor?.display_name);
    return `Times in your zone (${zone()}); days are ${who}'s (${instructorZone}).`;
  }

  // ---------------------------------------------------------------- rendering

  /** Keyboard users land on the request they just made (its button replaces the slot's). */
  _focusNewRequest() {
    if (!this._focusRequest || document.querySelector('dialog.request[open]')) return;
    const button = this.querySelector(`slot-panel button[data-booking="${this._lastRequested}"]`);
    if (!button) return;
    this._focusRequest = false;
    if (!button.contains(document.activeElement)) button.focus();
  }

  /**
   * User Timing for the benchmark (bench/ui.sh): first calendar on screen, and each instructor
   * switch. The first screen's requests are remembered then (index.html asks for them early).
   */
  updated() {
    if (this._focusRequest) this.querySelector('slot-panel')?.updateComplete.then(() => this._focusNewRequest());
    if (!this._timing || !this.calendar || this.calendar.instructor?.id !== this.selected && this.selected !== 'all') return;
    if (this._timing === 'ready') {
      performance.mark('calendar-ready');
      firstScreenShown();
    } else {
      performance.measure('instructor-switch', 'instructor-switch');
    }
    this._timing = null;
  }

  _marks() {
    const marks = new Map();
    if (!this.calendar) return marks;
    const staff = this._staff;
    for (const d of this.calendar.days) {
      const visible = d.bookings;
      const mine = visible.filter((b) => (staff ? b.status === 'confirmed' : ACTIVE.includes(b.status) && b.member_id === this.me.id));
      marks.set(d.date, {
        available: this.selected === 'all' ? 0 : d.available_slots,
        pending: visible.filter((b) => b.status === 'pending').length,
        pulse: staff,
        yours: staff ? mine.length : mine.filter((b) => b.status === 'confirmed').length,
        yoursLabel: staff ? 'confirmed' : 'booked by you',
        unread: visible.some((b) => b.unread),
      });
    }
    return marks;
  }

  _items() {
    if (!this.date || !this.calendar) return null;
    const dayEntry = this.calendar.days.find((d) => d.date === this.date);
    const bookings = dayEntry ? dayEntry.bookings : [];
    if (this.selected === 'all') {
      return bookings.map((booking) => ({ kind: 'booking', booking })).sort(byStart);
    }
    if (!this.slots) return this.slotsLoading ? null : bookings.map((booking) => ({ kind: 'booking', booking }));
    const items = bookings.map((booking) => ({ kind: 'booking', booking }));
    for (const slot of this.slots) {
      const taken = bookings.some((b) => ACTIVE.includes(b.status) && sameTime(b, slot)
        && (this._staff || b.member_id === this.me.id));
      if (!taken) items.push({ kind: 'slot', slot });
    }
    return items.sort(byStart);
  }

  _panel(headingId) {
    const staff = this._staff;
    return html`<slot-panel .date=${this.date} .items=${this._items()} ?loading=${this.slotsLoading || !this.calendar}
      .error=${this.slotsError} ?canBook=${!staff && this.me.role !== 'guest'} ?showMember=${staff}
      ?showInstructor=${this.selected === 'all'} .zoneNote=${this._zoneNote()} .headingId=${headingId}
      @request-slot=${(e) => this._requestSlot(e.detail)}></slot-panel>
      ${this.me.role === 'guest' && this.date ? html`<p class="hint">Guests can look at the calendar; booking needs a membership.</p>` : nothing}`;
  }

  render() {
    const staff = this._staff;
    const item = this._bannerItem();
    const unreadCount = (this.unread ?? []).filter((u) => !this.dismissed.has(`${u.booking_id}|${u.latest_message_at}`)).length;
    const todayDate = this.calendar ? today(this.calendar.time_zone) : today();
    return html`
      <div class="page-head"><h1>Private Lessons</h1></div>
      ${item ? html`<unread-banner .item=${{ ...item, start: this.bannerStarts.get(item.booking_id) }} .more=${unreadCount - 1}
        @dismiss=${() => this._dismiss(item)}></unread-banner>` : nothing}
      <instructor-pills .instructors=${this.instructors} .selected=${this.selected} ?withAll=${this.me.role === 'owner'}
        @select-instructor=${(e) => this._selectInstructor(e.detail)}></instructor-pills>
      ${this.instructors && this.instructors.length === 0 ? html`<p class="notice">No instructors teach yet.</p>` : nothing}
      <div class="board">
        <section class="calendar card" aria-label="Calendar">
          ${this.calendarError ? html`<p class="error" role="alert">${this.calendarError}</p>` : nothing}
          ${this.month ? html`<month-calendar .month=${this.month} .days=${this.calendar?.days ?? null} .marks=${this._marks()}
            .selected=${this.date} .today=${todayDate}
            @select-date=${(e) => this._selectDate(e.detail)} @change-month=${(e) => this._changeMonth(e.detail)}></month-calendar>` : nothing}
          <div class="legend" aria-hidden="true">
            ${this.selected !== 'all' ? html`<span><i class="mark available-mark"></i>available</span>` : nothing}
            <span><i class="mark yours-mark"></i>${staff ? 'confirmed' : 'booked (yours)'}</span>
            <span><i class="mark pending-mark"></i>pending</span>
            <span><i class="mark unread-mark"></i>unread message</span>
          </div>
        </section>
        ${this.wide ? html`<section class="panel card" aria-labelledby="slots-title" id="day-panel">
          ${this._panel('slots-title')}</section>` : nothing}
      </div>
      <section class="lessons card" aria-labelledby="lessons-title">
        <lesson-list .bookings=${this.lessons ?? null} .error=${this.lessonsError} .me=${this.me} ?staffView=${staff}
          ?showInstructor=${this.selected === 'all'}
          .heading=${staff ? (this.selected === 'all' ? 'All lessons' : `${firstName(this._instructor?.display_name ?? '')}'s lessons`) : 'My lessons'}>
        </lesson-list>
      </section>
      ${this.wide ? nothing : html`<dialog class="drawer" aria-labelledby="drawer-title" @click=${closeOnBackdrop}>
        <div class="handle" aria-hidden="true"></div>
        <div class="panel">
          <div class="dialog-actions"><button type="button" class="btn btn-small" @click=${(e) => e.target.closest('dialog').close()}>Close</button></div>
          ${this._panel('drawer-title')}
        </div>
      </dialog>`}
      <request-dialog @requested=${(e) => this._requested(e.detail)} @slot-gone=${() => { this._markStale(this.selected); this._refetchVisible(); }}></request-dialog>`;
  }
}

function allBookings(calendar) {
  return calendar.days.flatMap((d) => d.bookings);
}

function sameTime(booking, slot) {
  return Date.parse(booking.start_time) === Date.parse(slot.slot_start) && Date.parse(booking.end_time) === Date.parse(slot.slot_end);
}

function startOf(item) {
  return Date.parse(item.kind === 'slot' ? item.slot.slot_start : item.booking.start_time);
}

function byStart(a, b) {
  return startOf(a) - startOf(b) || (a.kind === 'booking' ? -1 : 1);
}

/** The calendar with this booking put on (or moved to) the day of its start. */
function patchCalendar(calendar, booking) {
  const date = isoDate(booking.start_time, calendar.time_zone);
  const slim = {
    id: booking.id, status: booking.status, start_time: booking.start_time, end_time: booking.end_time,
    instructor_id: booking.instructor_id, instructor_name: booking.instructor_name, member_id: booking.member_id,
    member_name: booking.member_name, unread: booking.unread ?? false,
  };
  return {
    ...calendar,
    days: calendar.days.map((d) => {
      const rest = d.bookings.filter((b) => b.id !== booking.id);
      if (d.date === date) return { ...d, bookings: [...rest, slim].sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time)) };
      return rest.length === d.bookings.length ? d : { ...d, bookings: rest };
    }),
  };
}

function patchUnread(calendar, id, unread) {
  if (!calendar.days.some((d) => d.bookings.some((b) => b.id === id && b.unread !== unread))) return calendar;
  return {
    ...calendar,
    days: calendar.days.map((d) => (d.bookings.some((b) => b.id === id)
      ? { ...d, bookings: d.bookings.map((b) => (b.id === id ? { ...b, unread } : b)) } : d)),
  };
}

customElements.define('lessons-page', LessonsPage);
