import type { Actor } from './access.ts';
import type { EngineContext } from './context.ts';
import { invalid } from './errors.ts';
import { id, instant, parse } from './input.ts';
import type { BookingRecord, ProjectRecord } from './records.ts';

/** Where and when a caller asks for seats without naming the class (Appointedd's way, seed 003). */
export interface ClassTime {
  start: number;
  end?: number;
  resource_id?: string;
  project?: ProjectRecord;
}

/**
 * The class starting at that time (on that resource, of that project) that a caller may see:
 * the first open one with `seats` left, else the first open one, so the caller hears why it is
 * full rather than that nothing is there; undefined when none starts then.
 */
export function classAt(
  context: EngineContext,
  time: ClassTime,
  actor: Actor,
  seats: number,
): BookingRecord | undefined {
  const { capacity } = context;
  const now = context.now();
  const candidates = context.access
    .classesAt(time.start, actor)
    .filter(
      (groupClass) =>
        capacity.holdsCapacity(groupClass) &&
        (time.end === undefined || groupClass.event?.end === time.end) &&
        (time.resource_id === undefined || groupClass.resource_id === time.resource_id) &&
        (time.project === undefined || ofProject(groupClass, time.project)),
    );
  return (
    candidates.find((groupClass) => capacity.seatsLeft(groupClass, now) >= seats) ?? candidates[0]
  );
}

function ofProject(groupClass: BookingRecord, project: ProjectRecord): boolean {
  if (groupClass.project_id !== undefined) return groupClass.project_id === project.id;
  return groupClass.resource_id !== undefined && project.resources.includes(groupClass.resource_id);
}

/**
 * A seat booking created by time instead of by class id: the class at `event.start` (or the
 * top-level `start`), on `event.resource_id` or `resource_id` when given. Undefined when no time
 * was given; a time no class starts at is 422 naming it.
 */
export function classIdByTime(
  context: EngineContext,
  raw: Record<string, unknown>,
  actor: Actor,
  options: { project?: ProjectRecord; seats: number },
): string | undefined {
  const event = isRecord(raw.event) ? raw.event : undefined;
  const path = event ? 'event.start' : 'start';
  const given = event ? event.start : raw.start;
  if (given === undefined) return undefined;
  const start = parse(instant, given, path);
  const resourcePath = event?.resource_id !== undefined ? 'event.resource_id' : 'resource_id';
  const resourceId = event?.resource_id ?? raw.resource_id;
  const resource =
    resourceId === undefined
      ? undefined
      : context.access.resource(parse(id, resourceId, resourcePath), actor, resourcePath);
  const time = { start, resource_id: resource?.id, project: options.project };
  const groupClass = classAt(context, time, actor, options.seats);
  if (!groupClass) throw invalid(path, 'is not the start of a class you can join');
  return groupClass.id;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
