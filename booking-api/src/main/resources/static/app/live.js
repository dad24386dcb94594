// The live stream (GET /api/stream, server-sent events). EventSource reconnects by itself and sends
// Last-Event-ID; every (re)open and every `resync` event also asks the pages to refetch, so nothing
// missed while the connection was down stays missing. Pages listen on `window` for:
// live:booking, live:availability, live:message, live:unread (detail = the event's JSON) and live:resync.

const KINDS = ['booking', 'availability', 'message', 'unread'];

export class Live extends EventTarget {
  #source = null;
  #retry = null;
  #delay = 1000;
  state = 'closed';

  start() {
    this.stop();
    const source = new EventSource('/api/stream');
    this.#source = source;
    this.#set('connecting');
    for (const kind of KINDS) {
      source.addEventListener(kind, (event) => {
        let data = null;
        try { data = JSON.parse(event.data); } catch { return; }
        window.dispatchEvent(new CustomEvent(`live:${kind}`, { detail: data }));
      });
    }
    source.addEventListener('resync', () => window.dispatchEvent(new CustomEvent('live:resync')));
    source.onopen = () => {
      this.#delay = 1000;
      this.#set('open');
      window.dispatchEvent(new CustomEvent('live:resync'));
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // the server refused (signed out, restarting): try again later, a little slower each time
        this.#set('closed');
        this.#retry = setTimeout(() => this.start(), this.#delay);
        this.#delay = Math.min(this.#delay * 2, 30000);
      } else {
        this.#set('connecting');
      }
    };
  }

  stop() {
    clearTimeout(this.#retry);
    if (this.#source) this.#source.close();
    this.#source = null;
    this.#set('closed');
  }

  #set(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }
}
