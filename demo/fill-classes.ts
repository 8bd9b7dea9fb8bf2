import { OWNER, type BookingEngine, type GraphDefinition } from '../src/engine/index.ts';

/** Switches off an action's emails and webhooks, so filling classes does not flood the outbox. */
function quietly(graph: GraphDefinition, action: string): Record<string, { enabled: false }> {
  const steps = graph.actions[action]?.steps.filter((step) => step.optional) ?? [];
  return Object.fromEntries([
    ['trigger_webhook', { enabled: false }],
    ...steps.map((step) => [step.name, { enabled: false }] as const),
  ]);
}

/**
 * The sold-out scenario: every open class gets one walk-in booking for all its free seats
 * (paid at once in paid classes, so no payment window frees them again). Returns the seats taken.
 */
export function fillClasses(engine: BookingEngine): number {
  let taken = 0;
  for (const group of engine.listGroups({}, OWNER)) {
    const left = group.attributes.group_booking.seats_left;
    if (left <= 0) continue;
    const projectId = engine.getBooking(group.id, OWNER).project_id;
    if (!projectId) continue;
    const graph = engine.getGraph(engine.getProject(projectId).graph);
    const seat = engine.createBooking(
      {
        graph: graph.name,
        related: { owner_booking_id: group.id, seats: left },
        customer: { name: 'Walk-ins (sold-out scenario)', email: 'walk-ins@hillvalley.test' },
        ...quietly(graph, graph.createAction),
      },
      OWNER,
    );
    if (seat.possible_actions.includes('pay')) {
      engine.performAction(seat.id, 'pay', quietly(graph, 'pay'), OWNER);
    }
    taken += left;
  }
  return taken;
}
