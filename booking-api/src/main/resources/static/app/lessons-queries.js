// What the "Private Lessons" page asks first, in one place: the page itself asks it, and main.js
// asks it early (while the components still load) so the answers are there when the page asks.
import { query } from './api.js';
import { addDays, today } from './time.js';

const REMEMBERED = 'booking.instructor';
const OPENED_WITH = 'booking.opened-with';
const STAFF = ['instructor', 'owner'];

/** Members do not book themselves; staff see every instructor. */
export const pillsFor = (me, instructors) =>
  (STAFF.includes(me.role) ? instructors : instructors.filter((i) => i.id !== me.id));

/** The pill shown first: the one chosen last in this tab, else "All" (owner), one's own (instructor), the first. */
export function firstPill(me, pills) {
  const pill = choose(me, pills);
  localStorage.setItem(OPENED_WITH, JSON.stringify({ member: me.id, pill }));
  return pill;
}

function choose(me, pills) {
  const remembered = sessionStorage.getItem(REMEMBERED);
  const ids = pills.map((i) => i.id);
  if ((remembered === 'all' && me.role === 'owner') || ids.includes(remembered)) return remembered;
  if (me.role === 'owner') return 'all';
  if (STAFF.includes(me.role) && ids.includes(me.id)) return me.id;
  return ids[0] ?? null;
}

/** The pill this member's page will likely open with (the one it opened with last), before the instructors are known. */
export function likelyFirstPill(me) {
  const remembered = sessionStorage.getItem(REMEMBERED);
  if (remembered) return remembered;
  try {
    const last = JSON.parse(localStorage.getItem(OPENED_WITH));
    return last?.member === me.id ? last.pill : null;
  } catch {
    return null;
  }
}

export const rememberPill = (id) => sessionStorage.setItem(REMEMBERED, id);

export const calendarPath = (instructor, month) =>
  (instructor === 'all' ? `/api/calendar/all?month=${month}` : `/api/calendar/${instructor}?month=${month}`);

/** Staff: the chosen instructor's lessons (all, for "All") from 30 days back; members: their own. */
export const lessonsPath = (me, selected) => `/api/bookings${query(STAFF.includes(me.role)
  ? { instructor_id: selected === 'all' ? null : selected, start: addDays(today(), -30) }
  : { member_id: me.id })}`;

export const thisMonth = () => today().slice(0, 7);
