import { http } from 'msw';
import { EngineError } from '../../engine/index.ts';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';

/** The widget's remote config, in the shape booking.js reads from `/projects/embed/:id`. */
export function projectHandlers(api: MockApi) {
  const { engine } = api;
  return [
    http.get(
      `${api.baseUrl}/projects/embed/:id`,
      endpoint(api, 'public', ({ params, actor }) => {
        if (actor.role === 'public' && actor.projectId !== params.id) {
          throw new EngineError(
            'forbidden',
            `This key belongs to project "${actor.projectId}", not "${params.id}".`,
          );
        }
        const project = engine.getProject(params.id!);
        return {
          data: {
            id: project.id,
            name: project.name,
            app_key: project.app_key,
            ui: project.ui,
            availability: project.availability,
            booking: { graph: project.graph, ...project.booking_settings },
            customer_fields: project.customer_fields,
            resources: project.resources.map((id) => engine.getResource(id)),
            hold_duration: project.hold_duration,
          },
        };
      }),
    ),
  ];
}
