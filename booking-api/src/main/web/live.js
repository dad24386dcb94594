// The live stream (GET /api/stream, server-sent events). EventSource reconnects by itself and sends
// Last-Event-ID; every (re)open and every `resync` event also asks the pages to refetch, so nothing
// missed while the connection was down stays missing. Pages listen on `window` for:
// live:booking, live:availability, live:message, live:unread (detail = the event's JSON) and live:resync.

import { get } from './api.js';

const KINDS = ['booking', 'availability', 'message', 'unread'];

export class Live extends EventTarget {
  _source = null;
  _retry = null;
  _delay = 1000;
  state = 'closed';

  start() {
    this.stop();
    const source = new EventSource('/api/stream');
    this._source = source;
    this._set('connecting');
    for (const kind of KINDS) {
      source.addEventListener(kind, (event) => {
        let data = null;
        try { data = JSON.parse(event.data); } catch { return; }
        window.dispatchEvent(new CustomEvent(`live:${kind}`, { detail: data }));
      });
    }
    source.addEventListener('resync', () => window.dispatchEvent(new CustomEvent('live:resync')));
    source.onopen = () => {
      this._delay = 1000;
      this._set('open');
      window.dispatchEvent(new CustomEvent('live:resync'));
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // the server refused (signed out, restarting): try again later, a little slower each time
        this._set('closed');
        this._retry = setTimeout(() => this.start(), this._delay);
        this._delay = Math.min(this._delay * 2, 30000);
        // a session that ended elsewhere (expired, signed out in another tab, deactivated): asking who
        // is signed in answers 401, and the app goes to the sign-in page (which stops this stream)
        get('/api/me').catch(() => {});
      } else {
        this._set('connecting');
      }
    };
  }

  stop() {
    clearTimeout(this._retry);
    if (this._source) this._source.close();
    this._source = null;
    this._set('closed');
  }

  _set(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }
}
