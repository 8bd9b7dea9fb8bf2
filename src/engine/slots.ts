import { formatInstant, parseInstant } from '../lib/time/index.ts';
import type { Actor } from './access.ts';
import { datesWithSlots, findSlots, type Interval } from './availability.ts';
import { publicLimits, type EngineContext } from './context.ts';
import { parseDuration } from './duration.ts';
import { EngineError, invalid } from './errors.ts';
import { availabilityInput, parse } from './input.ts';
import { resourceView, type ResourceView } from './views.ts';

export interface AvailableSlot {
  start: string;
  end: string;
  resources: ResourceView[];
}

const MAX_AVAILABILITY_SPAN = 183 * 86_400_000;
const DEFAULT_AVAILABILITY_SPAN = 28 * 86_400_000;
/**
 * Slot starts one availability request may consider (resources x span / increment), counted
 * before any is generated: about 1 resource at 5-minute steps over 6 months, a few MB of answer
 * and well under a second of work.
 */
export const MAX_CANDIDATE_SLOTS = 100_000;

export function availability(context: EngineContext, body: unknown, actor: Actor): AvailableSlot[] {
  const { slots, resources, timeZone } = computeSlots(context, body, actor);
  const byId = new Map(resources.map((resource) => [resource.id, resourceView(resource)]));
  return slots.map((slot) => ({
    start: formatInstant(slot.start, timeZone),
    end: formatInstant(slot.end, timeZone),
    resources: slot.resourceIds.map((id) => byId.get(id)!),
  }));
}

/** Days (in the output time zone) with at least one slot, so a calendar can paint before its slots load. */
export function availabilityDates(
  context: EngineContext,
  body: unknown,
  actor: Actor,
): Array<{ date: string }> {
  const { slots, timeZone } = computeSlots(context, body, actor);
  return datesWithSlots(slots, timeZone).map((date) => ({ date }));
}

function computeSlots(context: EngineContext, body: unknown, actor: Actor) {
  const { access, capacity } = context;
  const now = context.now();
  const input = parse(availabilityInput, body);
  const project = access.project(actor, input.project_id, 'project_id');
  const ids = input.resources ?? project?.resources;
  if (!ids?.length)
    throw invalid('resources', 'name the resources, or a project_id whose resources to use');
  const resources = ids.map((id, index) => access.resource(id, actor, `resources.${index}`));
  const defaults = project?.availability;
  const length = parseDuration(input.length ?? defaults?.length ?? '1 hour')!;
  const increment =
    parseDuration(input.timeslot_increments ?? defaults?.timeslot_increments ?? '') ?? length;
  const buffer = parseDuration(input.buffer ?? defaults?.buffer ?? '') ?? 0;
  const from = Math.max(resolveMoment(input.from, now) ?? now, now);
  let to =
    resolveMoment(input.to, from) ??
    from + (parseDuration(defaults?.to ?? '') ?? DEFAULT_AVAILABILITY_SPAN);
  if (to <= from) throw invalid('to', 'must be after from (and after now)');
  if (to - from > MAX_AVAILABILITY_SPAN) throw invalid('to', 'must be at most 6 months after from');
  if (actor.role === 'public') to = Math.min(to, now + publicLimits(project).horizonMs);
  const candidates = Math.ceil((resources.length * Math.max(0, to - from)) / increment);
  if (candidates > MAX_CANDIDATE_SLOTS) {
    throw new EngineError(
      'validation_failed',
      `This request would weigh ${candidates} candidate slots (resources \u00d7 span \u00f7 timeslot_increments); the limit is ${MAX_CANDIDATE_SLOTS}. Ask for a shorter from/to window, fewer resources or a larger timeslot_increments.`,
      ['timeslot_increments', 'to', 'resources'].map((path) => ({
        path,
        message: `resources \u00d7 (to \u2212 from) \u00f7 timeslot_increments must be at most ${MAX_CANDIDATE_SLOTS} candidate slots (this request: ${candidates})`,
      })),
    );
  }
  const busy = new Map<string, Interval[]>(
    resources.map((resource) => [resource.id, capacity.busyTime(resource, now)]),
  );
  const slots =
    to > from
      ? findSlots({
          resources,
          busy,
          from,
          to,
          lengthMs: length,
          incrementMs: increment,
          bufferMs: buffer,
          mode: input.mode ?? defaults?.mode ?? 'roundrobin_random',
          random: context.random,
        })
      : [];
  return { slots, resources, timeZone: input.output_timezone ?? 'UTC' };
}

/** "now", an instant, or a duration after `base` (Timekit's `to: "4 weeks"`). */
function resolveMoment(text: string | undefined, base: number): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'now') return base;
  return parseInstant(text) ?? base + parseDuration(text)!;
}
