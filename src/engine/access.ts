import { EngineError, notFound, type FieldIssue } from './errors.ts';
import type { ActionDefinition, GraphDefinition } from './graphs/types.ts';
import type { BookingRecord, HoldRecord, ProjectRecord, ResourceRecord } from './records.ts';
import type { Store } from './store.ts';

/**
 * Who may see and do what. A widget key is public: whatever it can do, every visitor and every
 * attacker can do. So every engine entry point asks this one module, and the rules live here:
 *
 * - A widget key is bound to its project. Resources, classes, holds and bookings of another
 *   project answer exactly as unknown ids do (404, same message), so ids cannot be probed.
 * - It books only with the graphs its project offers (`graphs`, default `[graph]`).
 * - A booking's customer_token opens that booking only together with its own project's key.
 * - Actions the graph gives to the owner are the owner's, whatever token comes along.
 * - It may not set what shapes the business: `settings`, `ignore_capacity`, or the steps that
 *   tell the owner or fire the webhook. Those come from the project, which only the owner edits.
 */

/** Who is calling: the owner (secret key), a project's widget (optionally with a booking's token), or the engine itself. */
export type Actor =
  | { role: 'owner' }
  | { role: 'public'; projectId: string; customerToken?: string }
  | { role: 'system' };

export const OWNER: Actor = { role: 'owner' };
export const SYSTEM: Actor = { role: 'system' };

/** Autoplay switch that is no step of any graph: webhooks fire on every resting state. */
export const WEBHOOK_TOGGLE = 'trigger_webhook';

/** Create fields only the owner key may send. */
const OWNER_CREATE_FIELDS = [
  'settings',
  'ignore_capacity',
  'title',
  'notes',
  'external_id',
  'paid_amount',
] as const;

/** What a record's project is decided by: its own project_id, else its resource (or its class's). */
interface Owned {
  project_id?: string | undefined;
  resource_id?: string | undefined;
  classId?: string | undefined;
}

/** The graphs a project's widget may book with. */
export function allowedGraphs(project: ProjectRecord): string[] {
  return project.graphs?.length ? [...project.graphs] : [project.graph];
}

/** The action a graph names so, if it has one of its own (never an Object.prototype member). */
export function actionOf(graph: GraphDefinition, name: string): ActionDefinition | undefined {
  return Object.hasOwn(graph.actions, name) ? graph.actions[name] : undefined;
}

/** Refuses a widget key on what only the owner may do (webhooks): 403, as the HTTP layer says it. */
export function ownerOnly(actor: Actor, what: string): void {
  if (actor.role === 'public')
    throw new EngineError(
      'forbidden',
      `${what} need the owner key; a widget key may not use them.`,
    );
}

/** Compares two secrets in time that depends on their length only, never on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= (given.charCodeAt(index) || 0) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}

export class Access {
  constructor(
    private readonly store: Store,
    private readonly graphs: ReadonlyMap<string, GraphDefinition>,
  ) {}

  /** The project a widget key is bound to; undefined for the owner and the engine. */
  keyProject(actor: Actor): ProjectRecord | undefined {
    if (actor.role !== 'public') return undefined;
    const project = this.store.projects.get(actor.projectId);
    // The key's project is gone (a reset or restore): the key no longer opens anything.
    if (!project) throw new EngineError('unauthorized', 'The key is not valid for this API.');
    return project;
  }

  /** The project a request works in: the key's own; for the owner, the one it names (if any). */
  project(actor: Actor, requested: string | undefined, path?: string) {
    const own = this.keyProject(actor);
    if (own) {
      if (requested !== undefined && requested !== own.id)
        throw notFound('project', requested, path);
      return own;
    }
    if (requested === undefined) return undefined;
    const project = this.store.projects.get(requested);
    if (!project) throw notFound('project', requested, path);
    return project;
  }

  /** The one rule every record passes: the owner and the engine see all, a key its project's. */
  sees(actor: Actor, record: Owned): boolean {
    const project = this.keyProject(actor);
    return !project || this.inProject(project, record);
  }

  /** Whether a record is `project`'s: by its own project_id, else by its resource (or its class's). */
  inProject(project: ProjectRecord, record: Owned): boolean {
    if (record.project_id !== undefined) return record.project_id === project.id;
    const resourceId =
      record.resource_id ??
      (record.classId ? this.store.bookings.get(record.classId)?.resource_id : undefined);
    return resourceId !== undefined && project.resources.includes(resourceId);
  }

  resource(id: string, actor: Actor, path?: string): ResourceRecord {
    const resource = this.store.resources.get(id);
    const project = this.keyProject(actor);
    if (!resource || (project && !project.resources.includes(id)))
      throw notFound('resource', id, path);
    return resource;
  }

  /** Resources a caller may list: a key's project's, in the project's order; all for the owner. */
  resources(actor: Actor): ResourceRecord[] {
    const project = this.keyProject(actor);
    if (!project) return [...this.store.resources.values()];
    return project.resources
      .map((id) => this.store.resources.get(id))
      .filter((resource): resource is ResourceRecord => resource !== undefined);
  }

  /** An open-or-not class (group_owner booking) the caller may see. */
  groupClass(id: string, actor: Actor, path?: string): BookingRecord {
    const groupClass = this.store.bookings.get(id);
    if (
      !groupClass ||
      this.graphs.get(groupClass.graph)?.kind !== 'class' ||
      !this.sees(actor, bookingOwner(groupClass))
    ) {
      throw notFound('class', id, path);
    }
    return groupClass;
  }

  /** The classes the caller may see that start at `start` (a class found by time, seed 003). */
  classesAt(start: number, actor: Actor): BookingRecord[] {
    return [...this.store.bookings.values()].filter(
      (booking) =>
        booking.event?.start === start &&
        this.graphs.get(booking.graph)?.kind === 'class' &&
        this.sees(actor, bookingOwner(booking)),
    );
  }

  hold(id: string, actor: Actor, path?: string): HoldRecord {
    const hold = this.store.holds.get(id);
    if (!hold || !this.sees(actor, holdOwner(hold))) throw notFound('hold', id, path);
    return hold;
  }

  /** The booking, if the caller may see it: the owner, or its own project's key with its customer_token. */
  booking(id: string, actor: Actor): BookingRecord {
    const booking = this.store.bookings.get(id);
    if (!booking || !this.sees(actor, bookingOwner(booking))) throw notFound('booking', id);
    if (actor.role === 'public') {
      const token = booking.customer_token;
      if (!actor.customerToken || !token || !sameSecret(actor.customerToken, token)) {
        throw new EngineError(
          'forbidden',
          'This booking needs the owner key or its customer_token.',
        );
      }
    }
    return booking;
  }

  /** The graph a create may use: for a key, one its project offers (the project's own when none is named). */
  createGraph(actor: Actor, requested: string | undefined): string | undefined {
    const project = this.keyProject(actor);
    if (!project) return requested;
    const name = requested ?? project.graph;
    const allowed = allowedGraphs(project);
    if (!allowed.includes(name)) {
      throw new EngineError(
        'graph_not_allowed',
        `Project "${project.id}" takes bookings with ${allowed.map((graph) => `"${graph}"`).join(', ')} only, not "${name}".`,
        [{ path: 'graph', message: `allowed: ${allowed.join(', ')}` }],
      );
    }
    return name;
  }

  /**
   * The graph's own action of this name, if the caller may run it. `what` names it in messages
   * ("create instant bookings"). Owner actions are refused before the state is looked at: who
   * may act comes before whether the booking can.
   */
  action(
    graph: GraphDefinition,
    name: string,
    actor: Actor,
    what = name,
  ): ActionDefinition | undefined {
    const action = actionOf(graph, name);
    if (!action || actor.role === 'system') return action;
    if (action.by === 'system')
      throw new EngineError('invalid_action', `"${what}" happens automatically.`);
    if (action.by === 'owner' && actor.role !== 'owner')
      throw new EngineError('forbidden', `Only the owner may ${what.replaceAll('_', ' ')}.`);
    return action;
  }

  /**
   * Refuses, naming each one, the fields of a create or action body a widget key may not set:
   * the owner's settings and the switches that would keep the owner or the webhook uninformed.
   */
  refuseOwnerFields(
    actor: Actor,
    body: Record<string, unknown>,
    graph: GraphDefinition | undefined,
  ): void {
    if (actor.role !== 'public') return;
    const ownerSteps = graph ? ownerFacingSteps(graph) : new Set([WEBHOOK_TOGGLE]);
    const issues: FieldIssue[] = [];
    for (const key of Object.keys(body)) {
      if (key === 'settings') {
        const settings = body.settings;
        const keys =
          typeof settings === 'object' && settings !== null && !Array.isArray(settings)
            ? Object.keys(settings)
            : [];
        if (!keys.length)
          issues.push({ path: 'settings', message: 'only the owner key may set it' });
        for (const name of keys)
          issues.push({ path: `settings.${name}`, message: 'only the owner key may set it' });
      } else if ((OWNER_CREATE_FIELDS as readonly string[]).includes(key) || ownerSteps.has(key)) {
        issues.push({ path: key, message: 'only the owner key may set it' });
      }
    }
    if (issues.length) {
      throw new EngineError(
        'field_not_allowed',
        `A widget key may not set ${issues.map((issue) => issue.path).join(', ')}: the project decides these, and only the owner key changes them.`,
        issues,
      );
    }
  }
}

/** Steps that tell the owner (or the webhook): a widget key may not switch them off or feed them. */
// Fixed per graph (graphs are data set when the engine starts): worked out once each.
const ownerFacingStepsOf = new WeakMap<GraphDefinition, ReadonlySet<string>>();

function ownerFacingSteps(graph: GraphDefinition): ReadonlySet<string> {
  let names = ownerFacingStepsOf.get(graph);
  if (!names) {
    const found = new Set([WEBHOOK_TOGGLE]);
    for (const action of Object.values(graph.actions))
      for (const step of action.steps)
        if (step.effect?.type === 'email' && step.effect.to === 'owner') found.add(step.name);
    ownerFacingStepsOf.set(graph, (names = found));
  }
  return names;
}

/** What decides a booking's project (a seat booking's: its class's resource, when it names no project). */
export function bookingOwner(booking: BookingRecord): Owned {
  return {
    project_id: booking.project_id,
    resource_id: booking.resource_id,
    classId: booking.related.owner_booking_id,
  };
}

function holdOwner(hold: HoldRecord): Owned {
  return {
    project_id: hold.project_id,
    resource_id: hold.resource_id,
    classId: hold.owner_booking_id,
  };
}
