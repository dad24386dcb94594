import { html, nothing } from 'lit';
import { LightElement } from '../base.js';
import { addDays, addMonths, dateLong, monthLabel, weekdayOf } from '../time.js';

const HEADERS = [['Sun', 'Sunday'], ['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'], ['Fri', 'Friday'], ['Sat', 'Saturday']];

/**
 * The month grid (role grid): one button per date with its marks. Arrow keys move by a day or a
 * week, Home/End to the week's ends, PageUp/PageDown by a month; Enter or Space selects.
 * Properties: month ("2026-02"), days (the calendar answer's days, keyed by date, or null while
 * loading), marks (date → {available, yours, pending, unread, pulse}), selected, today.
 * Events: select-date (detail date), change-month (detail month).
 */
class MonthCalendar extends LightElement {
  static properties = {
    month: {}, days: { attribute: false }, marks: { attribute: false }, selected: {}, today: {},
    focusDate: { state: true },
  };

  _focusAfterRender = false;

  willUpdate(changed) {
    if (changed.has('month') || !this.focusDate) {
      if (!this.focusDate || !this.focusDate.startsWith(this.month)) {
        this.focusDate = [this.selected, this.today].find((d) => d && d.startsWith(this.month)) ?? `${this.month}-01`;
      }
    }
  }

  updated() {
    // a move into another month waits for that month's grid
    const button = this._focusAfterRender && this.querySelector(`button[data-date="${this.focusDate}"]`);
    if (button) {
      this._focusAfterRender = false;
      button.focus();
    }
  }

  _move(date) {
    this.focusDate = date;
    this._focusAfterRender = true;
    if (!date.startsWith(this.month)) {
      this.dispatchEvent(new CustomEvent('change-month', { detail: date.slice(0, 7) }));
    }
  }

  _keydown(event) {
    const date = event.target.dataset?.date;
    if (!date) return;
    const weekday = weekdayOf(date);
    const moves = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -weekday),
      End: () => addDays(date, 6 - weekday),
      PageUp: () => clampDay(addMonths(date.slice(0, 7), -1), date),
      PageDown: () => clampDay(addMonths(date.slice(0, 7), 1), date),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this._move(move());
  }

  _changeMonth(delta) {
    const month = addMonths(this.month, delta);
    this.focusDate = `${month}-01`;
    this.dispatchEvent(new CustomEvent('change-month', { detail: month }));
  }

  _label(date, marks) {
    const parts = [];
    if (marks?.available) parts.push(`${marks.available} ${marks.available === 1 ? 'slot' : 'slots'} available`);
    if (marks?.pending) parts.push(`${marks.pending} pending`);
    if (marks?.yours) parts.push(`${marks.yours} ${marks.yoursLabel}`);
    if (marks?.unread) parts.push('unread messages');
    return parts.length ? `${dateLong(date)}: ${parts.join(', ')}` : `${dateLong(date)}: nothing available`;
  }

  _cell(date) {
    if (!date) return html`<td></td>`;
    const loading = !this.days;
    const m = loading ? null : this.marks?.get(date);
    const classes = ['day', date < this.today ? 'past' : '', date === this.today ? 'today' : '', m?.unread ? 'glow' : '']
      .filter(Boolean).join(' ');
    const selected = date === this.selected;
    return html`<td aria-selected=${selected ? 'true' : 'false'}>
      <button type="button" class=${classes} data-date=${date} tabindex=${date === this.focusDate ? 0 : -1}
        aria-pressed=${selected ? 'true' : 'false'} aria-label=${loading ? dateLong(date) : this._label(date, m)}
        @click=${() => { this.focusDate = date; this.dispatchEvent(new CustomEvent('select-date', { detail: date })); }}>
        <span class="num" aria-hidden="true">${Number(date.slice(8))}</span>
        <span class="marks" aria-hidden="true">
          ${loading ? html`<span class="skeleton skeleton-mark"></span>` : html`
            ${m?.available ? html`<span class="mark available-mark"></span>` : nothing}
            ${m?.yours ? html`<span class="mark yours-mark"></span>` : nothing}
            ${m?.pending ? html`<span class="mark pending-mark ${m.pulse ? 'pulse' : ''}"></span>` : nothing}
            ${m?.unread ? html`<span class="mark unread-mark"></span>` : nothing}`}
        </span>
      </button>
    </td>`;
  }

  render() {
    const first = `${this.month}-01`;
    const length = daysInMonth(this.month);
    const cells = Array(weekdayOf(first)).fill(null);
    for (let d = 1; d <= length; d++) cells.push(`${this.month}-${String(d).padStart(2, '0')}`);
    while (cells.length % 7) cells.push(null);
    const weeks = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return html`
      <div class="cal-head">
        <button type="button" class="btn btn-ghost" aria-label="Previous month" @click=${() => this._changeMonth(-1)}>‹</button>
        <h2 id="month-title" aria-live="polite">${monthLabel(this.month)}</h2>
        <button type="button" class="btn btn-ghost" aria-label="Next month" @click=${() => this._changeMonth(1)}>›</button>
      </div>
      <table class="month" role="grid" aria-labelledby="month-title" aria-busy=${this.days ? 'false' : 'true'}
        @keydown=${(e) => this._keydown(e)}>
        <thead><tr>${HEADERS.map(([abbr, full]) => html`<th scope="col" abbr=${full}><span aria-hidden="true">${abbr}</span><span class="visually-hidden">${full}</span></th>`)}</tr></thead>
        <tbody>${weeks.map((week) => html`<tr>${week.map((d) => this._cell(d))}</tr>`)}</tbody>
      </table>`;
  }
}

function daysInMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function clampDay(month, date) {
  const day = Math.min(Number(date.slice(8)), daysInMonth(month));
  return `${month}-${String(day).padStart(2, '0')}`;
}

customElements.define('month-calendar', MonthCalendar);
