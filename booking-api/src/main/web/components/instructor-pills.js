import { html, nothing } from 'lit';
import { LightElement } from '../base.js';
import { initials } from '../time.js';

/**
 * Single-select instructor pills with avatars (a toggle group: each pill is a button with
 * aria-pressed); scrolls sideways on a phone. Properties: instructors, selected (an id or "all"),
 * withAll. Event: select-instructor (detail id or "all").
 */
class InstructorPills extends LightElement {
  static properties = { instructors: { attribute: false }, selected: {}, withAll: { type: Boolean } };

  _pill(id, name, avatarUrl) {
    const pressed = this.selected === id;
    return html`<button type="button" class="pill" aria-pressed=${pressed ? 'true' : 'false'} data-instructor=${id}
      @click=${() => this.dispatchEvent(new CustomEvent('select-instructor', { detail: id }))}>
      <span class="avatar" aria-hidden="true">${avatarUrl ? html`<img src=${avatarUrl} alt="">` : initials(name)}</span>
      <span>${name}</span>
    </button>`;
  }

  render() {
    if (!this.instructors) {
      return html`<div class="pills" aria-busy="true">${[1, 2, 3].map(() => html`<span class="skeleton skeleton-pill"></span>`)}</div>`;
    }
    return html`<div class="pills" role="group" aria-label="Instructors">
      ${this.withAll ? this._pill('all', 'All', null) : nothing}
      ${this.instructors.map((i) => this._pill(i.id, i.display_name, i.avatar_url))}
    </div>`;
  }
}

customElements.define('instructor-pills', InstructorPills);
