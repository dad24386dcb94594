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
}

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

export const get = (path) => request('GET', path);
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
