import { http } from 'msw';
import type { MockApi } from '../api.ts';
import { endpoint } from '../http.ts';
import { parseDuration } from '../../engine/duration.ts';
import { requiredCustomerFields } from '../../engine/customer-input.ts';
import type { ProjectRecord } from '../../engine/index.ts';

const DEFAULT_LOCALIZATION = {
  success_message: 'We have received your booking and sent a confirmation to %s',
  submit_button: 'Book it',
  allocated_resource_prefix: 'with',
};

/** The widget's remote config, in the shape booking.js reads from `/projects/embed/:id`. */
export function projectHandlers(api: MockApi) {
  const { engine } = api;
  return [
    http.get(
      `${api.baseUrl}/projects/embed/:id`,
      endpoint(api, 'public', ({ params, actor }) => {
        // Another project's id answers as an unknown one: a key cannot probe what exists.
        const project = engine.getProject(params.id!, actor);
        const customerFields = customerFieldsOf(project);
        return {
          data: {
            id: project.id,
            name: project.name,
            app_key: project.app_key,
            // booking.js reads ui.localization.* unguarded when a slot is clicked.
            ui: {
              display_name: project.name,
              show_credits: false,
              ...project.ui,
              localization: {
                ...DEFAULT_LOCALIZATION,
                ...(project.ui.localization as object | undefined),
              },
            },
            availability: project.availability,
            booking: { graph: project.graph, ...project.booking_settings },
            customer_fields: customerFields,
            // Ids, because booking.js merges this list straight into its /availability body.
            resources: project.resources,
            resource_details: project.resources.map((id) => engine.getResource(id)),
            hold_duration: project.hold_duration,
            ...(project.description ? { description: project.description } : {}),
            ...minutesOf(project.availability.length),
            ...(project.price ? { price: project.price } : {}),
            ...(project.location ? { location: project.location } : {}),
          },
        };
      }),
    ),
  ];
}

/**
 * The form's fields with what the project requires marked (`required_customer_fields`): a first
 * or last name splits the name into both, an email or phone not required is optional. Without
 * the setting the engine requires a name and an email, so they are marked so whatever the
 * project's own fields say: the form must not send what the engine refuses.
 */
function customerFieldsOf(project: ProjectRecord): Record<string, unknown> {
  // A project without fields of its own gets a name and an email, and no titles: the widget
  // labels standard fields from the visitor's catalogue ("お名前", "الاسم").
  const fields = structuredClone(
    project.customer_fields as Record<string, Record<string, unknown>>,
  );
  const required = new Set(requiredCustomerFields(project));
  const parts = (['first_name', 'last_name'] as const).filter((part) => required.has(part));
  fields.name = {
    ...fields.name,
    required: true,
    ...(parts.length ? { split_name: true, required_parts: parts } : {}),
  };
  fields.email = { format: 'email', ...fields.email, required: required.has('email') };
  if (required.has('phone')) fields.phone = { ...fields.phone, required: true };
  return fields;
}

/** The availability length in whole minutes (the summary's duration), when it parses. */
function minutesOf(length: string): { duration?: number } {
  const ms = parseDuration(length);
  return ms && ms >= 60_000 ? { duration: Math.round(ms / 60_000) } : {};
}
