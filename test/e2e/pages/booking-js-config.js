/* global SlotkitBooking */
// A booking.js v3 config, unchanged but for `SlotkitBooking.init` instead of
// `new TimekitBooking().init`. The callbacks write to the page, not to window.
(function () {
  var log = document.getElementById('callbacks');
  var names = [
    'renderStarted',
    'renderCompleted',
    'fetchAvailabilityStarted',
    'fetchAvailabilitySuccessful',
    'fetchAvailabilityFailed',
    'getBookingSlotsStarted',
    'getBookingSlotsSuccessful',
    'getBookingSlotsFailed',
    'clickTimeslot',
    'showBookingPage',
    'closeBookingPage',
    'submitBookingForm',
    'createBookingStarted',
    'createBookingSuccessful',
    'createBookingFailed',
    'errorTriggered',
  ];
  var callbacks = {};
  names.forEach(function (name) {
    callbacks[name] = function (argument) {
      log.dataset.calls = (log.dataset.calls ? log.dataset.calls + ' ' : '') + name;
      if (name === 'createBookingSuccessful') {
        log.dataset.bookingId = argument.id;
        log.dataset.bookingState = argument.state;
      }
    };
  });

  SlotkitBooking.init({
    el: '#bookingjs',
    app_key: 'widget_test_yoga',
    project_id: 'proj_yoga',
    api_base_url: document.currentScript.dataset.apiOrigin + '/',
    ui: { timezone: 'America/New_York' },
    callbacks: callbacks,
  });
})();
