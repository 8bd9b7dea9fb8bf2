import type { Actor } from './access.ts';
import type { EngineContext } from './context.ts';
import { parseDuration } from './duration.ts';
import { notFound } from './errors.ts';
import type { ProjectRecord } from './records.ts';

/**
 * Appointedd's services (seed 003), read from our projects: what is booked, for how long, with
 * which buffers, how many people at once, at what price. A widget key sees its own project only.
 */
export interface ServiceView {
  id: string;
  name: string;
  description?: string;
  graph: string;
  booking: {
    /** People at once: 1 for 1:1 bookings, the classes' largest `max_seats` for group services. */
    occupancy: number;
    type: 'ONLINE_BOOKING';
    buffers: { before: number; after: number };
    durations: Array<{ default: true; minutes: number; price: number; currency?: string }>;
    allow_group: boolean;
  };
}

const minutes = (text: string | undefined) =>
  Math.round((text === undefined ? 0 : (parseDuration(text) ?? 0)) / 60_000);

function serviceView(context: EngineContext, project: ProjectRecord): ServiceView {
  const group = context.graphs.get(project.graph)?.kind !== 'slot';
  let occupancy = 1;
  if (group) {
    for (const booking of context.store.bookings.values()) {
      const onProject =
        booking.project_id === project.id || project.resources.includes(booking.resource_id ?? '');
      if (onProject && context.graphs.get(booking.graph)?.kind === 'class')
        occupancy = Math.max(occupancy, Number(booking.settings.max_seats ?? 1));
    }
  }
  return {
    id: project.id,
    name: project.name,
    ...(project.description === undefined ? {} : { description: project.description }),
    graph: project.graph,
    booking: {
      occupancy,
      type: 'ONLINE_BOOKING',
      buffers: { before: 0, after: minutes(project.availability.buffer) },
      durations: [
        {
          default: true,
          minutes: minutes(project.availability.length),
          price: project.price?.amount ?? 0,
          ...(project.price ? { currency: project.price.currency } : {}),
        },
      ],
      allow_group: group,
    },
  };
}

export function listServices(context: EngineContext, actor: Actor): ServiceView[] {
  const own = context.access.keyProject(actor);
  const projects = own ? [own] : [...context.store.projects.values()];
  return projects.map((project) => serviceView(context, project));
}

export function getService(context: EngineContext, id: string, actor: Actor): ServiceView {
  const own = context.access.keyProject(actor);
  const project = context.store.projects.get(id);
  if (!project || (own && own.id !== id)) throw notFound('service', id);
  return serviceView(context, project);
}
