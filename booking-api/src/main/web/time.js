// Times in the viewer's zone (GET /api/me time_zone, else the browser's); calendar dates are the
// instructor's local dates as the API gives them.

let viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function setViewerZone(zone) {
  if (!zone) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    viewerZone = zone;
  } catch {
    // an unknown zone: keep the browser's
  }
}

export const zone = () => viewerZone;

const formats = new Map();
// ICU writes "2:00 PM" with a narrow no-break space; plain spaces read and copy the same everywhere
const plain = (text) => text.replace(/[\u202f\u00a0]/g, ' ');
function format(options, timeZone = viewerZone) {
  const key = timeZone + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    const intl = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    f = { format: (date) => plain(intl.format(date)), formatToParts: (date) => intl.formatToParts(date) };
    formats.set(key, f);
  }
  return f;
}

/** "2:00 PM" */
export const time = (instant, timeZone) =>
  format({ hour: 'numeric', minute: '2-digit' }, timeZone).format(new Date(instant));

/** "2:00 PM – 3:00 PM" */
export const timeRange = (start, end, timeZone) => `${time(start, timeZone)} – ${time(end, timeZone)}`;

/** "Thu, Feb 5" */
export const day = (instant, timeZone) =>
  format({ weekday: 'short', month: 'short', day: 'numeric' }, timeZone).format(new Date(instant));

const yearOf = (instant, timeZone) => format({ year: 'numeric' }, timeZone).format(new Date(instant));

/** "Thu, Feb 5, 2026" when not this year: both years in the same zone (the viewer's unless given) */
export const dayWithYear = (instant, timeZone) =>
  yearOf(instant, timeZone) === yearOf(Date.now(), timeZone) ? day(instant, timeZone)
    : format({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }, timeZone).format(new Date(instant));

/** "14:00", as availability is written (24-hour local time of the zone) */
export const clock = (instant, timeZone) =>
  format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone).format(new Date(instant));

/** "Feb 3, 3:15 PM" (message times) */
export const stamp = (instant) =>
  format({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(instant));

/** "Thu Jan 15, 2pm" (the banner) */
export function short(instant) {
  const parts = Object.fromEntries(format({
    weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true,
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const minutes = parts.minute === '00' ? '' : `:${parts.minute}`;
  return `${parts.weekday} ${parts.month} ${parts.day}, ${parts.hour}${minutes}${parts.dayPeriod.toLowerCase()}`;
}

/** "YYYY-MM-DD" of an instant in a zone */
export const isoDate = (instant, timeZone = viewerZone) =>
  format({ year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).format(new Date(instant))
    .replace(/(\d+)\/(\d+)\/(\d+)/, '$3-$1-$2');

export const today = (timeZone = viewerZone) => isoDate(Date.now(), timeZone);

// Local dates ("2026-02-05") are formatted at noon UTC, so no zone moves them to another day.
const noon = (date) => new Date(`${date}T12:00:00Z`);
export const dateLabel = (date) => format({ weekday: 'short', month: 'short', day: 'numeric' }, 'UTC').format(noon(date));
export const dateLong = (date) =>
  format({ weekday: 'long', month: 'long', day: 'numeric' }, 'UTC').format(noon(date));
export const monthLabel = (month) =>
  format({ month: 'long', year: 'numeric' }, 'UTC').format(new Date(`${month}-15T12:00:00Z`));
export const weekdayOf = (date) => noon(date).getUTCDay();

export function addDays(date, days) {
  const d = noon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(month, months) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const firstName = (name) => (name || '').trim().split(/\s+/)[0] || name;

export const initials = (name) => (name || '?').trim().split(/\s+/).slice(0, 2).map((w) => w[0]).join('').toUpperCase();
