import { WEBHOOK_TOGGLE, type Actor } from './access.ts';
import type { Exclusions } from './capacity.ts';
import { graphNames, publicLimits, type EngineContext } from './context.ts';
import { EngineError, invalid } from './errors.ts';
import type { GraphDefinition } from './graphs/types.ts';
import { liveHold } from './holds.ts';
import { customerInputFor, requiredCustomerFields } from './customer-input.ts';
import { quickCreateShape, quickCustomer, type QuickCustomer } from './quick-input.ts';
import {
  createBookingShape,
  eventInput,
  isKnownCreateField,
  parse,
  stepInput,
  type CreateBookingBody,
  type EventInput,
} from './input.ts';
import { runAction, type RunContext } from './machine.ts';
import { expandSendAliases } from './send-aliases.ts';
import type { z, ZodType } from 'zod';
import type {
  BookingRecord,
  EventInfo,
  HoldRecord,
  ProjectRecord,
  ResourceRecord,
} from './records.ts';
import { iso } from './views.ts';
import { classIdByTime } from './class-by-time.ts';
import { randomToken } from './ids.ts';

// Capacity only reads what to leave out: most creates leave out nothing, one object for them.
const NO_EXCLUSIONS: Exclusions = Object.freeze({});

/**
 * Creates a booking from a create body: checks who may, what graph, which hold it converts and
 * where and when it is, then runs the graph's create action to its first resting state.
 */
export function create(
  context: EngineContext,
  raw: Record<string, unknown>,
  actor: Actor,
): BookingRecord {
  const { access, capacity, store } = context;
  const now = context.now();
  // One pass over the body's own keys, in their order (what Object.entries lists).
  const known: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    setOwn(isKnownCreateField(key) ? known : rest, key, raw[key]);
  }
  // A key books with its project's graph when it names none.
  if (known.graph === undefined && actor.role === 'public')
    known.graph = access.keyProject(actor)!.graph;
  const customerProject = projectOfCustomer(context, known, actor);
  const checked = checkParts(context, known, customerProject);
  const shape = checked.shape ?? parse(createBookingShape, known);
  const graph = context.graphs.get(shape.graph);
  if (!graph)
    throw invalid('graph', `"${shape.graph}" is not a graph; graphs are: ${graphNames(context)}`);
  const actionName = shape.action ?? graph.createAction;
  if (actionName !== graph.createAction) {
    throw new EngineError(
      'invalid_action',
      `A ${graph.name} booking starts with "${graph.createAction}", not "${actionName}".`,
    );
  }
  access.action(graph, actionName, actor, `create ${graph.name} bookings`);
  access.createGraph(actor, graph.name);
  access.refuseOwnerFields(actor, raw, graph);
  const inputs = stepInputs(
    expandSendAliases(rest, [graph.actions[actionName]!], actor),
    graph,
    allStepNames(graph),
  );
  const customer = graph.needsCustomer
    ? {
        id: context.newId(),
        // The same value by the same schema: checkParts' answer when it had one.
        ...(checked.customer ??
          parse(customerInputFor(customerProject), shape.customer, 'customer')),
      }
    : undefined;
  if (!graph.needsCustomer && shape.customer !== undefined)
    throw invalid('customer', `a ${graph.name} booking has no customer`);

  const isPublic = actor.role === 'public';
  const project = access.project(actor, shape.project_id, 'project_id');
  const hold = shape.reservation_id
    ? liveHold(access.hold(shape.reservation_id, actor, 'reservation_id'), now, 'book with')
    : undefined;
  const exclude: Exclusions = hold ? { holdId: hold.id } : NO_EXCLUSIONS;
  const booking: BookingRecord = {
    id: context.newId(),
    graph: graph.name,
    state: 'new',
    status: null,
    created_at: now,
    updated_at: now,
    created_by: actor.role === 'owner' ? 'owner' : 'public',
    customers: [],
    // Seed 004's `confirm: false` starts verification: an alias of settings.verification.
    settings: { ...project?.booking_settings, ...shape.settings },
    related: {},
    logs: [],
  };
  // Field by field in the record's order (a snapshot shows it): spreads of optional parts cost
  // a copy each on every sign-up.
  if (shape.confirm === false) booking.settings.verification = 'email';
  if (project) booking.project_id = project.id;
  if (hold) booking.reservation_id = hold.id;
  if (shape.custom_data && Object.keys(shape.custom_data).length)
    booking.custom_data = { ...shape.custom_data };
  if (shape.title !== undefined) booking.title = shape.title;
  if (shape.notes !== undefined) booking.notes = shape.notes;
  if (shape.external_id !== undefined) booking.external_id = shape.external_id;
  if (shape.paid_amount !== undefined) booking.paid_amount = shape.paid_amount;
  if (graph.needsCustomer) booking.customer_token = randomToken();

  let event: EventInfo | undefined;
  if (graph.kind === 'seats') {
    const seats = shape.related?.seats ?? hold?.seats ?? 1;
    // Appointedd books a group by its time: the class starting then, when no id names one.
    const classId =
      shape.related?.owner_booking_id ??
      hold?.owner_booking_id ??
      classIdByTime(context, raw, actor, { project, seats });
    if (!classId)
      throw invalid('related.owner_booking_id', `is required for ${graph.name} bookings`);
    if (hold && hold.owner_booking_id !== classId)
      throw invalid('reservation_id', 'holds seats of another class');
    const groupClass = access.groupClass(classId, actor, 'related.owner_booking_id');
    capacity.checkSeats(groupClass, seats, { now, isPublic, exclude });
    // A sign-up belongs to its class's project: the owner key may name it, not another one.
    if (groupClass.project_id && booking.project_id && booking.project_id !== groupClass.project_id)
      throw invalid('project_id', `is not the class's project ("${groupClass.project_id}")`);
    booking.related = { owner_booking_id: classId, seats };
    if (groupClass.project_id && !booking.project_id) booking.project_id = groupClass.project_id;
  } else {
    // A hold already says where and when; the event only adds what (the project's name by default).
    const given = shape.event ?? topLevelEvent(raw, project) ?? (hold ? {} : undefined);
    const input = parse(eventInput, withHoldTimes(given, hold, project), 'event');
    const resource = resolveResource(context, raw, input, actor);
    if (
      hold &&
      (hold.resource_id !== resource.id || hold.start !== input.start || hold.end !== input.end)
    ) {
      throw invalid('reservation_id', 'holds a different resource or time than the event');
    }
    if (graph.kind === 'class') {
      if (booking.settings.max_seats === undefined)
        throw invalid('settings.max_seats', 'is required for a class');
    }
    capacity.checkSlot(resource, input, {
      now,
      isPublic,
      ignoreCapacity: shape.ignore_capacity === true,
      exclude,
      ...publicLimits(project),
    });
    booking.resource_id = resource.id;
    event = {
      start: input.start,
      end: input.end,
      what: input.what,
      ...(input.where === undefined ? {} : { where: input.where }),
      ...(input.description === undefined ? {} : { description: input.description }),
    };
  }

  store.insertBooking(booking);
  const created = store.editBooking(booking.id);
  const pending: RunContext['pending'] = {};
  if (customer) pending.customer = customer;
  if (event) pending.event = event;
  runAction(context, created, actionName, { actor, body: inputs, pending });
  if (hold) {
    const converted = store.editHold(hold.id);
    converted.state = 'converted';
    converted.booking_id = booking.id;
  }
  return created;
}

/**
 * `target[key] = value` as a plain own field, as Object.fromEntries would: a "__proto__" key
 * stays a (refused) field, never a prototype.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else target[key] = value;
}

/** The resource a 1:1 booking or class is for: event.resource_id, resource_id, calendar_id, or the project's only one. */
export function resolveResource(
  context: EngineContext,
  body: Record<string, unknown>,
  event: EventInput,
  actor: Actor,
): ResourceRecord {
  const { access } = context;
  const direct =
    event.resource_id ?? (typeof body.resource_id === 'string' ? body.resource_id : undefined);
  if (direct) return access.resource(direct, actor, 'resource_id');
  if (event.calendar_id) {
    // Only among the resources the caller may see, so another project's calendar reads as unknown.
    const byCalendar = access
      .resources(actor)
      .find(
        (resource) =>
          resource.calendar.id === event.calendar_id || resource.id === event.calendar_id,
      );
    if (!byCalendar)
      throw new EngineError('not_found', `No calendar with id "${event.calendar_id}"`, [
        { path: 'event.calendar_id', message: 'unknown calendar' },
      ]);
    return access.resource(byCalendar.id, actor, 'event.calendar_id');
  }
  const projectId =
    actor.role === 'public' ? actor.projectId : (body.project_id as string | undefined);
  const only = projectId ? context.store.projects.get(projectId)?.resources : undefined;
  if (only?.length === 1) return access.resource(only[0]!, actor, 'resource_id');
  throw invalid('resource_id', 'is required (or event.calendar_id) to say whose time is booked');
}

/** Keeps only the step toggles and inputs a graph understands; anything else is a mistake worth reporting. */
export function stepInputs(
  body: Record<string, unknown>,
  graph: GraphDefinition,
  names: readonly string[],
): Record<string, unknown> {
  const known = stepNameSet(names);
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!known.has(key)) {
      throw invalid(key, `is not a field of this request nor a step of the ${graph.name} graph`);
    }
    inputs[key] = parse(stepInput, value, key);
  }
  return inputs;
}

/** The parts checkParts parsed without a fault, so the one-by-one work need not parse them again. */
interface CheckedParts {
  shape?: CreateBookingBody;
  customer?: CustomerInput | QuickCustomer;
}

type CustomerInput = z.output<ReturnType<typeof customerInputFor>>;

/**
 * Checks the body's parts side by side before the one-by-one work, so a create with several bad
 * parts (body fields, customer, event) reports every field at once instead of the first. A part
 * with one fault is reported where it was before: by the usual parse, which runs again for it.
 */
function checkParts(
  context: EngineContext,
  known: Record<string, unknown>,
  customerProject: ProjectRecord | undefined,
): CheckedParts {
  const graph = typeof known.graph === 'string' ? context.graphs.get(known.graph) : undefined;
  // The usual sign-up body of plain valid fields needs no zod (quick-input.ts); the rest does.
  const quickShape = quickCreateShape(known);
  const quickCustomerInput = graph?.needsCustomer
    ? quickCustomer(known.customer, requiredCustomerFields(customerProject))
    : undefined;
  // Both valid: at most the event can be wrong, and one fault is reported by the usual parse.
  if (quickShape && (quickCustomerInput || !graph?.needsCustomer))
    return { shape: quickShape, ...(quickCustomerInput ? { customer: quickCustomerInput } : {}) };
  const parts: Array<[ZodType, unknown, string]> = [[createBookingShape, known, '']];
  if (graph?.needsCustomer)
    parts.push([customerInputFor(customerProject), known.customer, 'customer']);
  if (graph && graph.kind !== 'seats' && known.event !== undefined && !known.reservation_id)
    parts.push([eventInput, known.event, 'event']);
  const parsed = new Map<string, unknown>();
  const details = parts.flatMap(([schema, value, prefix]) => {
    try {
      parsed.set(prefix, parse(schema, value, prefix));
      return [];
    } catch (error) {
      if (error instanceof EngineError && error.details) return error.details;
      throw error;
    }
  });
  if (details.length < 2) {
    // None, or one: the usual parse below reports it as before.
    return {
      shape: parsed.get('') as CreateBookingBody | undefined,
      customer: parsed.get('customer') as CustomerInput | undefined,
    };
  }
  const summary = details.map((detail) => `${detail.path} ${detail.message}`).join('; ');
  throw new EngineError('validation_failed', `Invalid request: ${summary}`, details);
}

/**
 * The project whose customer rules apply (`required_customer_fields`), found without refusing
 * anything: the key's own; for the owner the one named, or the hold's or class's. The checks
 * that follow refuse what does not fit.
 */
function projectOfCustomer(
  context: EngineContext,
  known: Record<string, unknown>,
  actor: Actor,
): ProjectRecord | undefined {
  const { store } = context;
  if (actor.role === 'public') return store.projects.get(actor.projectId);
  const byId = (id: unknown) => (typeof id === 'string' ? store.projects.get(id) : undefined);
  const hold =
    typeof known.reservation_id === 'string' ? store.holds.get(known.reservation_id) : undefined;
  const related = known.related as { owner_booking_id?: unknown } | undefined;
  const classId = hold?.owner_booking_id ?? related?.owner_booking_id;
  const groupClass = typeof classId === 'string' ? store.bookings.get(classId) : undefined;
  return byId(known.project_id) ?? byId(hold?.project_id) ?? byId(groupClass?.project_id);
}

// Graphs are fixed when the engine starts: their step names are worked out once each.
const stepNamesOf = new WeakMap<GraphDefinition, string[]>();
const stepNameSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The names a body may use: the steps' and the webhook switch, as a set built once per list. */
function stepNameSet(names: readonly string[]): ReadonlySet<string> {
  let known = stepNameSets.get(names);
  if (!known) stepNameSets.set(names, (known = new Set([...names, WEBHOOK_TOGGLE])));
  return known;
}

function allStepNames(graph: GraphDefinition): string[] {
  let names = stepNamesOf.get(graph);
  if (!names) {
    names = Object.entries(graph.actions).flatMap(([name, action]) => [
      name,
      ...action.steps.map((step) => step.name),
    ]);
    stepNamesOf.set(graph, names);
  }
  return names;
}

/** booking.js puts start, end, what, where and description at the top level of its create body. */
function topLevelEvent(raw: Record<string, unknown>, project: ProjectRecord | undefined): unknown {
  if (raw.start === undefined && raw.end === undefined) return undefined;
  const { start, end, what, where, description } = raw;
  return {
    start,
    end,
    what: what ?? project?.name ?? 'Booking',
    ...(where === undefined ? {} : { where }),
    ...(description === undefined ? {} : { description }),
  };
}

/** Fills a seat hold's or slot hold's times into an event the caller left without them. */
function withHoldTimes(
  event: unknown,
  hold: HoldRecord | undefined,
  project: ProjectRecord | undefined,
): unknown {
  if (!hold || typeof event !== 'object' || event === null) return event;
  const given = event as Record<string, unknown>;
  return {
    what: project?.name ?? 'Booking',
    start: iso(hold.start),
    end: iso(hold.end),
    ...(hold.resource_id ? { resource_id: hold.resource_id } : {}),
    ...given,
  };
}
