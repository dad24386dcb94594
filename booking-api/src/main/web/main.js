import './components/booking-app.js';
