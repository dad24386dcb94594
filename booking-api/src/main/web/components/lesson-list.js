import { html, nothing } from 'lit';
import { LightElement, openBooking, statusLabel } from '../base.js';
import { dayWithYear, timeRange } from '../time.js';

const PAST_SHOWN = 8;

/**
 * "My lessons" (members) or the lessons of the chosen instructor (staff), grouped: requests,
 * upcoming, past and closed. Properties: bookings (null while loading), error, me, title, staffView.
 */
class LessonList extends LightElement {
  static properties = {
    bookings: { attribute: false }, error: {}, me: { attribute: false }, heading: {}, staffView: { type: Boolean },
    showInstructor: { type: Boolean },
    allPast: { state: true },
  };

  _item(b) {
    const who = !this.staffView ? `with ${b.instructor_name}`
      : this.showInstructor ? `${b.member_name} with ${b.instructor_name}` : b.member_name;
    return html`<li><button type="button" class="lesson ${b.unread ? 'glow' : ''}" data-booking=${b.id}
      @click=${() => openBooking(b.id)}>
      <span class="when">${dayWithYear(b.start_time)} · ${timeRange(b.start_time, b.end_time)}</span>
      <span class="who">${who}${b.unread ? html`<span class="visually-hidden">, unread messages</span>` : nothing}</span>
      <span class="badge ${b.status}">${statusLabel(b.status)}</span>
    </button></li>`;
  }

  _group(title, list) {
    if (!list.length) return nothing;
    return html`<h3>${title}</h3><ul class="lesson-list" aria-label=${title}>${list.map((b) => this._item(b))}</ul>`;
  }

  render() {
    const heading = html`<h2 id="lessons-title">${this.heading}</h2>`;
    if (this.error) return html`${heading}<p class="error" role="alert">${this.error}</p>`;
    if (!this.bookings) {
      return html`${heading}<div aria-busy="true">${[1, 2].map(() => html`<span class="skeleton skeleton-lesson"></span>`)}</div>`;
    }
    const now = Date.now();
    const pending = this.bookings.filter((b) => b.status === 'pending');
    const upcoming = this.bookings.filter((b) => b.status === 'confirmed' && Date.parse(b.end_time) > now);
    const past = this.bookings.filter((b) => !pending.includes(b) && !upcoming.includes(b))
      .sort((a, b) => Date.parse(b.start_time) - Date.parse(a.start_time));
    const shownPast = this.allPast ? past : past.slice(0, PAST_SHOWN);
    return html`${heading}
      ${this.bookings.length === 0 ? html`<p class="panel-empty">No lessons yet. Pick an instructor and a day above to request one.</p>` : nothing}
      ${this._group(this.staffView ? 'Requests to answer' : 'Waiting for confirmation', pending)}
      ${this._group('Upcoming', upcoming)}
      ${this._group('Past and closed', shownPast)}
      ${past.length > shownPast.length ? html`<button type="button" class="btn btn-small" @click=${() => { this.allPast = true; }}>
        Show all ${past.length} past lessons</button>` : nothing}`;
  }
}

customElements.define('lesson-list', LessonList);
