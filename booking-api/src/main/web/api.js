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
  window.bookingEarly?.controller.abort();
  early.clear();
}

// Remembers that this browser signed in, so a fresh visitor goes straight to the sign-in page
// instead of asking /api/me for a 401.
const SIGNED_IN = 'booking.signed-in';
// The GET paths the first screen asked for: index.html asks for them again on the next visit,
// before the script has arrived.
const FIRST_SCREEN = 'booking.first-screen';

export const signedInBefore = () => localStorage.getItem(SIGNED_IN) !== null;

export function rememberSignedIn(signedIn) {
  if (signedIn) {
    localStorage.setItem(SIGNED_IN, '1');
  } else {
    localStorage.removeItem(SIGNED_IN);
    localStorage.removeItem(FIRST_SCREEN);
  }
}

let firstScreen = []; // what was asked for until the first screen was shown; null after

/** The first screen is on view: what it asked for is remembered for the next visit. */
export function firstScreenShown() {
  if (!firstScreen) return;
  localStorage.setItem(FIRST_SCREEN, JSON.stringify([...new Set(firstScreen)].slice(0, 8)));
  firstScreen = null;
}

function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  return answer(path, fetch(path, {
    method, headers, credentials: 'same-origin', signal: session.signal,
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

/** The JSON of a response; a failure as an ApiError with the server's `detail`. */
async function answer(path, fetched) {
  let response;
  try {
    response = await fetched;
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

// Answers index.html asked for while the modules loaded: each is handed to the page's first GET
// of its path within a few seconds, then forgotten (a path the page does not ask for any more
// costs one answer nobody takes).
const early = new Map(); // path → answer
const EARLY_FOR_MS = 5000;

for (const [path, fetched] of window.bookingEarly?.asked ?? []) {
  const asked = answer(path, fetched);
  asked.catch(() => {}); // a failure is the asking page's to handle
  early.set(path, asked);
}

export function get(path) {
  if (firstScreen?.length < 16) firstScreen.push(path);
  const asked = early.get(path);
  early.delete(path);
  if (asked && performance.now() - window.bookingEarly.at < EARLY_FOR_MS) return asked;
  return request('GET', path);
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
