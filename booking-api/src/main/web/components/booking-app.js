import { html, nothing } from 'lit';
import { LightElement, ROLE_LABELS, isStaff } from '../base.js';
import {
  cancelPending, forgetInstructors, get, instructors, post, rememberSignedIn, signedInBefore,
} from '../api.js';
import { Live } from '../live.js';
import { setViewerZone } from '../time.js';
import './sign-in-page.js';
import './lessons-page.js';
import './booking-sheet.js';
import './availability-page.js';

/** The application frame: who is signed in, the top bar, the pages (client routing), the sheet, notices. */
class BookingApp extends LightElement {
  static properties = {
    me: { state: true },
    path: { state: true },
    liveState: { state: true },
    toasts: { state: true },
    bootError: { state: true },
  };

  constructor() {
    super();
    this.me = undefined;
    this.path = location.pathname;
    this.liveState = 'closed';
    this.toasts = [];
    this.live = new Live();
    this.live.addEventListener('state', (e) => { this.liveState = e.detail; });
    this.listen('popstate', () => { this.path = location.pathname; });
    this.listen('session-ended', () => this._signedOut());
    this.listen('navigate', (e) => this.navigate(e.detail));
    this.listen('toast', (e) => this._toast(e.detail));
    this.listen('open-booking', (e) => this.querySelector('booking-sheet').open(e.detail, this.me));
  }

  createRenderRoot() {
    this.replaceChildren(); // the loading placeholder of index.html
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._whoAmI();
  }

  async _whoAmI(retryIn = 1000) {
    if (!signedInBefore()) {
      this.me = null;
      return;
    }
    try {
      instructors().catch(() => {}); // in parallel: every page needs them next
      this._signedIn(await get('/api/me'));
      this.bootError = null;
    } catch (e) {
      if (e.status === 0 || e.status >= 500) {
        // the studio is out of reach (a restart, the network), not the session: ask again, slower each time
        this.bootError = e.detail;
        setTimeout(() => this._whoAmI(Math.min(retryIn * 2, 30000)), retryIn);
      } else {
        this._signedOut();
      }
    }
  }

  _signedIn(me) {
    setViewerZone(me.time_zone);
    rememberSignedIn(true);
    this.me = me;
    this.live.start();
    if (location.pathname === '/sign-in') this.navigate('/', true);
  }

  _signedOut() {
    rememberSignedIn(false);
    forgetInstructors();
    this.live.stop();
    this.me = null;
    this.querySelector('booking-sheet')?.close();
  }

  async _signOut() {
    // the pages go first, so nothing of theirs asks the API after the session ends
    this._signedOut();
    this.navigate('/sign-in');
    cancelPending();
    try {
      await post('/api/auth/logout');
    } catch {
      // signed out here either way
    }
  }

  navigate(path, replace = false) {
    if (path !== location.pathname) {
      if (replace) history.replaceState(null, '', path);
      else history.pushState(null, '', path);
    }
    this.path = path;
  }

  _toast(text) {
    const id = Math.random();
    this.toasts = [...this.toasts, { id, text }];
    setTimeout(() => { this.toasts = this.toasts.filter((t) => t.id !== id); }, 6000);
  }

  _link(path, label) {
    return html`<a href=${path} aria-current=${this.path === path ? 'page' : 'false'}
      @click=${(e) => { e.preventDefault(); this.navigate(path); }}>${label}</a>`;
  }

  render() {
    if (this.me === undefined) {
      return html`<div class="boot" aria-busy="true"><span class="skeleton skeleton-line"></span>
        ${this.bootError ? html`<p class="error" role="alert">${this.bootError} Trying again…</p>` : nothing}</div>`;
    }
    if (this.me === null) {
      if (this.path !== '/sign-in') this.navigate('/sign-in', true);
      return html`<sign-in-page @signed-in=${(e) => this._signedIn(e.detail)}></sign-in-page>
        <booking-sheet></booking-sheet>`;
    }
    const me = this.me;
    const staff = isStaff(me);
    const editing = staff && this.path === '/availability';
    const page = editing
      ? html`<availability-page .me=${me}></availability-page>`
      : html`<lessons-page .me=${me}></lessons-page>`;
    return html`
      <header class="topbar">
        <a class="brand" href="/" @click=${(e) => { e.preventDefault(); this.navigate('/'); }}>Studio lessons</a>
        ${staff ? html`<nav aria-label="Pages">${this._link('/', 'Calendar')}${this._link('/availability', 'Availability')}</nav>` : nothing}
        <div class="who">
          <span class="live" data-state=${this.liveState} title="Live updates">${this.liveState === 'open' ? 'Live' : 'Reconnecting…'}</span>
          <span><strong class="user-name">${me.display_name}</strong> <span class="role">${ROLE_LABELS[me.role] ?? me.role}</span></span>
          <button class="btn btn-small" @click=${() => this._signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main">${page}</main>
      <booking-sheet></booking-sheet>
      <div class="toasts" role="status" aria-live="polite">
        ${this.toasts.map((t) => html`<div class="toast"><span>${t.text}</span>
          <button aria-label="Dismiss notice" @click=${() => { this.toasts = this.toasts.filter((x) => x !== t); }}>✕</button></div>`)}
      </div>`;
  }
}

customElements.define('booking-app', BookingApp);
