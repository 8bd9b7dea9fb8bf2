import {
  BookingEngine,
  DEMO_KEYS,
  EngineError,
  ManualClock,
  seedDemo,
  type Actor,
} from '../../../src/engine/index.ts';

/**
 * Wire shapes straight from the engine, round-tripped through JSON as HTTP would: the schemas
 * are tested against what the server really sends, not against hand-written copies.
 */

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const NOW = '2026-11-23T08:00:00Z';

export function engineWorld() {
  const engine = new BookingEngine({ clock: new ManualClock(NOW), random: () => 0 });
  seedDemo(engine);
  const barber: Actor = { role: 'public', projectId: 'proj_barber' };
  const yoga: Actor = { role: 'public', projectId: 'proj_yoga' };

  const slots = engine.availability({ project_id: 'proj_barber' }, barber);
  const [first, second] = slots;
  if (!first || !second) throw new Error('the demo barber has no slots');
  const dates = engine.availabilityDates(
    { project_id: 'proj_barber', output_timezone: 'Europe/Copenhagen' },
    barber,
  );
  const slotHold = engine.reserve(
    { resource_id: 'res_barber', start: first.start, end: first.end },
    barber,
  );
  const created = engine.createBooking(
    {
      graph: 'instant',
      reservation_id: slotHold.id,
      event: { start: first.start, end: first.end, what: 'Haircut', resource_id: 'res_barber' },
      customer: { name: 'Marty McFly', email: 'marty@hillvalley.test', shoe_size: '9' },
    },
    barber,
  );
  const fetched = engine.getBooking(
    created.id,
    { ...barber, customerToken: created.customer_token! },
    ['logs'],
  );
  const groups = engine.listGroups({}, yoga);
  const [yogaClass] = groups;
  if (!yogaClass) throw new Error('the demo has no yoga class');
  const seatHold = engine.reserve({ related: { owner_booking_id: yogaClass.id }, seats: 2 }, yoga);
  const project = engine.getProject('proj_barber');
  // Built as the mock's GET /projects/embed/:id builds it.
  const embed = {
    id: project.id,
    name: project.name,
    app_key: project.app_key,
    ui: { display_name: project.name, localization: { submit_button: 'Book it' } },
    availability: project.availability,
    booking: { graph: project.graph, ...project.booking_settings },
    customer_fields: {
      name: { title: 'Name', required: true },
      email: { title: 'E-mail', format: 'email', required: true },
      comment: { title: 'Comment', format: 'textarea', required: false },
    },
    resources: project.resources,
    resource_details: project.resources.map((id) => engine.getResource(id)),
    hold_duration: project.hold_duration,
  };
  const taken = refusal(() =>
    engine.reserve({ resource_id: 'res_barber', start: first.start, end: first.end }, barber),
  );
  const invalid = refusal(() =>
    engine.createBooking(
      {
        graph: 'instant',
        event: { start: second.start, end: second.end, what: 'Haircut', resource_id: 'res_barber' },
        customer: { name: 'Marty McFly', email: 'marty@' },
      },
      barber,
    ),
  );

  return wire({
    key: DEMO_KEYS.barber,
    slots,
    dates,
    slotHold,
    seatHold,
    created,
    fetched,
    groups,
    embed,
    graphs: engine.listGraphs(),
    resources: engine.listResources(),
    errorBody: { error: taken.toJSON() },
    validationError: { error: invalid.toJSON() },
  });
}

function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the engine to refuse');
}
