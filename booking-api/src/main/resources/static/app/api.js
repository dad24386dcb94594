// The REST contract of API.md, and nothing else: fetch with the session cookie, the CSRF echo on
// state changes, problem+json errors turned into ApiError with the server's `detail`.

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.problem = problem;
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

const UNREACHABLE = 'The studio cannot be reached. Check your connection and try again.';

// Signing out cancels what the pages still wait for: an answer arriving after the session ended
// would be a 401 the user never caused (and the browser logs it). A cancelled request logs nothing.
let session = new AbortController();

export function cancelPending() {
  session.abort();
  session = new AbortController();
  early.clear();
}

// Remembers who signed in on this browser: a fresh visitor goes straight to the sign-in page
// instead of asking /api/me for a 401, and a returning one has the first screen's data asked for
// before /api/me answers (main.js).
const SIGNED_IN = 'booking.signed-in';

/** { id, role, time_zone } of whoever signed in here last ({} if not known), or null. */
export function signedInBefore() {
  const stored = localStorage.getItem(SIGNED_IN);
  if (stored === null) return null;
  try {
    const me = JSON.parse(stored);
    return me && typeof me === 'object' ? me : {};
  } catch {
    return {};
  }
}

/** Signed in as `me` (null: signed out). */
export function rememberSignedIn(me) {
  if (me) localStorage.setItem(SIGNED_IN, JSON.stringify({ id: me.id, role: me.role, time_zone: me.time_zone }));
  else localStorage.removeItem(SIGNED_IN);
}

export const isStaff = (me) => me && (me.role === 'instructor' || me.role === 'owner');

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', signal: session.signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (response.status === 204) return null;
  let text;
  try {
    text = await response.text();
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/auth/login') {
      window.dispatchEvent(new CustomEvent('session-ended'));
    }
    throw new ApiError(response.status, (json && json.detail) || `Request failed (${response.status})`, json);
  }
  return json;
}

// Answers asked for before a page asks (main.js, while the components load): each is handed to
// the first GET of its path within a few seconds, then forgotten.
const early = new Map(); // path → { answer, at }
const EARLY_FOR_MS = 5000;

const asking = new Set(); // the paths of GETs on their way

export function askEarly(path) {
  if (early.has(path)) return early.get(path).answer;
  if (asking.has(path)) return null; // the page asked first
  const answer = request('GET', path);
  answer.catch(() => {}); // a failure is the asking page's to handle
  early.set(path, { answer, at: performance.now() });
  return answer;
}

export function get(path) {
  const asked = early.get(path);
  if (asked) {
    early.delete(path);
    if (performance.now() - asked.at < EARLY_FOR_MS) return asked.answer;
  }
  const answer = request('GET', path);
  asking.add(path);
  answer.finally(() => asking.delete(path)).catch(() => {});
  return answer;
}

export const post = (path, body = {}) => request('POST', path, body);
export const del = (path) => request('DELETE', path);

export const query = (params) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

let instructorsAnswer = null;

/** GET /api/instructors, asked once per sign-in (the app asks it while it asks /api/me). */
export function instructors() {
  instructorsAnswer ??= get('/api/instructors').catch((e) => {
    instructorsAnswer = null;
    throw e;
  });
  return instructorsAnswer;
}

export function forgetInstructors() {
  instructorsAnswer = null;
}
