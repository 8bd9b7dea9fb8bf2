// The async loader pattern: queue calls on a stub until slotkit.iife.js arrives.
window.SlotkitBooking = window.SlotkitBooking || { q: [] };
window.SlotkitBooking.q.push([
  'init',
  {
    target: '#classes',
    appKey: 'widget_test_yoga',
    projectId: 'proj_yoga',
    // Named here, the graph lets the script fetch the class list with itself.
    graph: 'group_customer',
    baseUrl: document.currentScript.dataset.apiOrigin + '/v2',
  },
]);
