import { z } from 'zod';
import type { Actor } from './access.ts';
import type { EngineContext } from './context.ts';
import {
  CUSTOMER_FIELD_NAMES,
  DEFAULT_REQUIRED_CUSTOMER_FIELDS,
  NAME_FIELDS,
  type RequiredCustomerField,
} from './customer-input.ts';
import { DURATION_BOUNDS } from './duration.ts';
import { EngineError } from './errors.ts';
import { boundedDuration, line, parse } from './input.ts';
import type { ProjectRecord } from './records.ts';
import { scheduleReminders } from './reminders.ts';

/**
 * The owner's settings for what happens after a booking: where manage links point, when
 * reminders go out, whether they also go by SMS, and what a customer must give. The owner's
 * alone: a widget key is public.
 */

const MANAGE_URL_PLACEHOLDERS = ['{id}', '{token}'];

const manageUrl = line(2000).superRefine((template, ctx) => {
  const missing = MANAGE_URL_PLACEHOLDERS.filter((name) => !template.includes(name));
  if (missing.length)
    ctx.addIssue({ code: 'custom', message: `must contain ${missing.join(' and ')}` });
  let url: URL | undefined;
  try {
    url = new URL(template.replaceAll('{id}', 'id').replaceAll('{token}', 'token'));
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:')
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
});

export const projectSettingsInput = z
  .object({
    manage_url: z.union([manageUrl, z.null()]).optional(),
    reminders: z.array(boundedDuration(DURATION_BOUNDS.window)).max(5).optional(),
    sms: z.boolean().optional(),
    required_customer_fields: z
      .array(z.enum(CUSTOMER_FIELD_NAMES))
      .refine((fields) => new Set(fields).size === fields.length, 'must name each field once')
      .refine((fields) => fields.some((field) => NAME_FIELDS.includes(field)), {
        message: `must include ${NAME_FIELDS.join(', ')} or more: a booking says whom it is for`,
      })
      .optional(),
  })
  .strict();

/** What is wrong with a project's own settings, as `updateSettings` would refuse them, if anything. */
export function settingsProblem(project: ProjectRecord): string | undefined {
  const { manage_url, reminders, sms, required_customer_fields } = project;
  const given = Object.fromEntries(
    Object.entries({ manage_url, reminders, sms, required_customer_fields }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  try {
    parse(projectSettingsInput, given);
    return undefined;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return (error.details ?? []).map((detail) => `${detail.path} ${detail.message}`).join('; ');
  }
}

export interface ProjectSettings {
  manage_url: string | null;
  reminders: string[];
  sms: boolean;
  required_customer_fields: RequiredCustomerField[];
}

export function settingsOf(project: ProjectRecord): ProjectSettings {
  return {
    manage_url: project.manage_url ?? null,
    reminders: [...(project.reminders ?? [])],
    sms: project.sms ?? false,
    required_customer_fields: [
      ...(project.required_customer_fields ?? DEFAULT_REQUIRED_CUSTOMER_FIELDS),
    ],
  };
}

export function updateSettings(
  context: EngineContext,
  id: string,
  body: unknown,
  actor: Actor,
): ProjectSettings {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', 'Only the owner may change a project\u2019s settings.');
  const project = context.access.project(actor, id);
  if (!project) throw new EngineError('not_found', `No project "${id}".`);
  const input = parse(projectSettingsInput, body ?? {}, 'body');
  // Validation passed as a whole, so the change cannot stop halfway.
  if (input.manage_url === null) delete project.manage_url;
  else if (input.manage_url !== undefined) project.manage_url = input.manage_url;
  if (input.reminders !== undefined) project.reminders = input.reminders;
  if (input.sms !== undefined) project.sms = input.sms;
  if (input.required_customer_fields !== undefined)
    project.required_customer_fields = input.required_customer_fields;
  // Bookings already made follow the new reminder times from now on.
  if (input.reminders !== undefined)
    for (const booking of context.store.bookings.values())
      if (booking.project_id === project.id)
        scheduleReminders(context, context.store.editBooking(booking.id));
  return settingsOf(project);
}
