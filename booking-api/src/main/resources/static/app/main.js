// Asks for the first screen's data while the components still load (the page has preloaded them
// all), so their first GETs find the answers there; then starts the application. Who signed in
// here last, and the pill their page opened with, tell what that page will ask for; a guess that
// turns out wrong costs one answer nobody takes (the page asks for what it needs itself).
import { askEarly, instructors, signedInBefore } from './api.js';
import { setViewerZone } from './time.js';
import { calendarPath, likelyFirstPill, lessonsPath, thisMonth } from './lessons-queries.js';

const last = signedInBefore();
if (last && location.pathname === '/') {
  askEarly('/api/me');
  instructors();
  askEarly('/api/bookings/unread');
  if (last.id) {
    setViewerZone(last.time_zone);
    const pill = likelyFirstPill(last);
    askEarly(lessonsPath(last, pill));
    if (pill) askEarly(calendarPath(pill, thisMonth()));
  }
}

import('./components/booking-app.js');
