import { OWNER, PUBLIC, T0, DAY, HOUR, makeEngine, openClass, testProject } from './helpers.ts';

/**
 * Sign-ups as the benchmark makes them (several at one instant, so emails of different bookings
 * meet the engine's remembered invitation and instants), then a cancellation at the same
 * instant and a restore: everything a caller can read afterwards, customers' tokens masked.
 */
export function signUpGoldenScenario(): string {
  const { engine } = makeEngine({
    projects: [testProject({ manage_url: 'https://shop.test/manage?b={id}&t={token}' })],
  });
  const first = openClass(engine, T0 + DAY, { max_seats: 3 }).id;
  const second = openClass(engine, T0 + DAY + 2 * HOUR, { max_seats: 1 }).id;
  const responses: unknown[] = [];
  const customers = [
    { name: 'Ann', email: 'ann@b.test', timezone: 'Asia/Tokyo' },
    { name: 'Bob', email: 'bob@b.test', phone: '+45 1234' },
    { name: 'Cy', email: 'cy@b.test' },
  ];
  for (const [index, customer] of customers.entries()) {
    const classId = index === 2 ? second : first;
    responses.push(
      engine.createBooking(
        { graph: 'group_customer', related: { owner_booking_id: classId, seats: 1 }, customer },
        PUBLIC,
      ),
    );
  }
  const ann = (responses[0] as { id: string }).id;
  responses.push(
    engine.performAction(ann, 'cancel_by_owner', { cancel_by_owner: { message: 'Sorry' } }, OWNER),
  );
  const restored = makeEngine().engine;
  restored.restore(engine.snapshot());
  const read = {
    responses,
    outbox: engine.outbox(),
    snapshot: engine.snapshot(),
    restored: restored.getBooking(ann, OWNER, ['logs']),
  };
  return JSON.stringify(read).replace(/\b[0-9a-f]{48}\b/g, 'TOKEN');
}
