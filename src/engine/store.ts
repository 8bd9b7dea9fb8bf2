import type {
  BookingRecord,
  CollectionRecord,
  HoldRecord,
  OutboxEntry,
  ProjectRecord,
  ResourceRecord,
  WaitlistEntry,
} from './records.ts';
import type { DeliveryRecord, WebhookRecord } from './webhooks.ts';

export interface StoreSnapshot {
  version: 1;
  bookings: BookingRecord[];
  holds: HoldRecord[];
  resources: ResourceRecord[];
  projects: ProjectRecord[];
  collections: CollectionRecord[];
  outbox: OutboxEntry[];
  /** Optional, so snapshots from before webhooks were registered still load. */
  webhooks?: WebhookRecord[];
  webhook_deliveries?: DeliveryRecord[];
  /** Absent in snapshots from before the waitlist, and when nobody waits. */
  waitlist?: WaitlistEntry[];
}

type Undo = () => void;

/** Writes its outbox entry's text on first read (notify.ts drafts emails when they are sent). */
export interface UnwrittenText {
  readonly entry: OutboxEntry;
  write(): void;
}

/**
 * In-memory state with all-or-nothing writes. Every change inside `transaction` journals how to
 * undo itself, so a request that fails half-way leaves the store exactly as it was, at the cost
 * of one clone per record touched rather than a copy of the whole store.
 */
export class Store {
  readonly bookings = new Map<string, BookingRecord>();
  readonly holds = new Map<string, HoldRecord>();
  readonly resources = new Map<string, ResourceRecord>();
  readonly projects = new Map<string, ProjectRecord>();
  readonly collections = new Map<string, CollectionRecord>();
  readonly outbox: OutboxEntry[] = [];
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly deliveries = new Map<string, DeliveryRecord>();
  readonly waitlist = new Map<string, WaitlistEntry>();

  // Indexes over fields that never change after insert, so only inserts and removals touch them.
  private readonly bookingsByResource = new Map<string, Set<string>>();
  private readonly seatsByClass = new Map<string, Set<string>>();
  private readonly holdsByResource = new Map<string, Set<string>>();
  private readonly holdsByClass = new Map<string, Set<string>>();

  // Entries whose text is written when the outbox is first read (outboxWritten, snapshot), in
  // outbox order: a list, as each knows its entry (a map keyed by entry hashed every email).
  private readonly unwritten: UnwrittenText[] = [];

  private journal: Undo[] | null = null;
  private touched = new Set<object>();

  transaction<T>(work: () => T): T {
    if (this.journal) return work();
    this.journal = [];
    try {
      const result = work();
      return result;
    } catch (error) {
      const undo = this.journal;
      this.journal = null;
      for (let index = undo.length - 1; index >= 0; index -= 1) undo[index]!();
      throw error;
    } finally {
      this.journal = null;
      this.touched.clear();
    }
  }

  private record(undo: Undo): void {
    this.journal?.push(undo);
  }

  /**
   * A record inserted in this transaction needs no copy when edited later in it: its undo
   * removes it. Outside a transaction (seeding, restore) nothing is marked, or the first
   * transaction after a restore would skip the copy of a restored record and could not undo it.
   */
  private fresh(record: object): void {
    if (this.journal) this.touched.add(record);
  }

  /** The stored booking, made safe to change in place for the current transaction. */
  editBooking(id: string): BookingRecord {
    return this.edit(this.bookings, id);
  }

  editHold(id: string): HoldRecord {
    return this.edit(this.holds, id);
  }

  editDelivery(id: string): DeliveryRecord {
    return this.edit(this.deliveries, id);
  }

  editWaitlistEntry(id: string): WaitlistEntry {
    return this.edit(this.waitlist, id);
  }

  insertWaitlistEntry(entry: WaitlistEntry): void {
    this.waitlist.set(entry.id, entry);
    this.fresh(entry);
    this.record(() => this.waitlist.delete(entry.id));
  }

  private edit<T extends object>(map: Map<string, T>, id: string): T {
    const current = map.get(id);
    if (!current) throw new Error(`Store: no record ${id}`);
    if (this.journal && !this.touched.has(current)) {
      const before = structuredClone(current);
      this.record(() => map.set(id, before));
      this.touched.add(current);
    }
    return current;
  }

  insertBooking(booking: BookingRecord): void {
    this.bookings.set(booking.id, booking);
    this.fresh(booking);
    // Read once: the undo removes the booking from the indexes it was added to.
    const { id, resource_id: resourceId } = booking;
    const classId = booking.related.owner_booking_id;
    if (resourceId) addTo(this.bookingsByResource, resourceId, id);
    if (classId) addTo(this.seatsByClass, classId, id);
    this.record(() => {
      this.bookings.delete(id);
      if (resourceId) this.bookingsByResource.get(resourceId)?.delete(id);
      if (classId) this.seatsByClass.get(classId)?.delete(id);
    });
  }

  insertHold(hold: HoldRecord): void {
    this.holds.set(hold.id, hold);
    this.fresh(hold);
    const indexes: Array<[Map<string, Set<string>>, string | undefined]> = [
      [this.holdsByResource, hold.resource_id],
      [this.holdsByClass, hold.owner_booking_id],
    ];
    for (const [index, key] of indexes) if (key) addTo(index, key, hold.id);
    this.record(() => {
      this.holds.delete(hold.id);
      for (const [index, key] of indexes) if (key) index.get(key)?.delete(hold.id);
    });
  }

  insertCollection(collection: CollectionRecord): void {
    this.collections.set(collection.id, collection);
    this.record(() => this.collections.delete(collection.id));
  }

  insertWebhook(hook: WebhookRecord): void {
    this.webhooks.set(hook.id, hook);
    this.record(() => this.webhooks.delete(hook.id));
  }

  /** The webhook and its deliveries: nothing is left to send to it. */
  removeWebhook(id: string): void {
    if (!this.webhooks.has(id)) return;
    const deliveries = [...this.deliveries.values()].filter((item) => item.webhook_id === id);
    this.removeDeliveries(deliveries.map((delivery) => delivery.id));
    this.removeInOrder(this.webhooks, [id]);
  }

  /** Drops deliveries (a webhook's oldest finished ones, or all of a removed webhook's). */
  removeDeliveries(ids: readonly string[]): void {
    this.removeInOrder(this.deliveries, ids);
  }

  /**
   * Removes records and journals putting each back at its old place: a Map lists in insertion
   * order and snapshots list the Map, so re-adding at the end would change a refused request's
   * snapshot. The undo rebuilds the map, which costs one pass over it.
   */
  private removeInOrder<T>(map: Map<string, T>, ids: readonly string[]): void {
    const order = this.journal ? [...map.keys()] : [];
    const removed = new Map<string, T>();
    for (const id of ids) {
      const item = map.get(id);
      if (item === undefined) continue;
      removed.set(id, item);
      map.delete(id);
    }
    if (removed.size === 0) return;
    this.record(() => {
      // Later changes were undone first, so what is left is exactly `order` minus `removed`.
      const kept = new Map(map);
      map.clear();
      for (const id of order) {
        const item = removed.get(id) ?? kept.get(id);
        if (item !== undefined) map.set(id, item);
      }
    });
  }

  insertDelivery(delivery: DeliveryRecord): void {
    this.deliveries.set(delivery.id, delivery);
    this.fresh(delivery);
    this.record(() => this.deliveries.delete(delivery.id));
  }

  appendOutbox(entry: OutboxEntry): void {
    this.outbox.push(entry);
    this.record(() => this.outbox.pop());
  }

  /** An entry whose text `text` writes when the outbox is first read. */
  appendUnwritten(text: UnwrittenText): void {
    this.outbox.push(text.entry);
    this.unwritten.push(text);
    this.record(() => {
      this.outbox.pop();
      // Undone last-first, so it is the last one, unless a read wrote (and dropped) it since.
      if (this.unwritten.at(-1) === text) this.unwritten.pop();
    });
  }

  /** The outbox with every entry's text written: what any reader of it must see. */
  outboxWritten(): readonly OutboxEntry[] {
    for (const text of this.unwritten) text.write();
    this.unwritten.length = 0;
    return this.outbox;
  }

  bookingsOnResource(resourceId: string): BookingRecord[] {
    return this.lookup(this.bookingsByResource, this.bookings, resourceId);
  }

  seatBookingsOfClass(classId: string): BookingRecord[] {
    return this.lookup(this.seatsByClass, this.bookings, classId);
  }

  /** The ids of a class's seat bookings, without building the list (every sign-up counts seats). */
  seatBookingIdsOfClass(classId: string): ReadonlySet<string> {
    return this.seatsByClass.get(classId) ?? NO_IDS;
  }

  holdsOnResource(resourceId: string): HoldRecord[] {
    return this.lookup(this.holdsByResource, this.holds, resourceId);
  }

  holdsOfClass(classId: string): HoldRecord[] {
    return this.lookup(this.holdsByClass, this.holds, classId);
  }

  private lookup<T>(index: Map<string, Set<string>>, map: Map<string, T>, key: string): T[] {
    const ids = index.get(key);
    if (!ids) return [];
    const found: T[] = [];
    for (const id of ids) {
      const item = map.get(id);
      if (item) found.push(item);
    }
    return found;
  }

  snapshot(): StoreSnapshot {
    this.outboxWritten();
    return structuredClone({
      version: 1 as const,
      bookings: [...this.bookings.values()],
      holds: [...this.holds.values()],
      resources: [...this.resources.values()],
      projects: [...this.projects.values()],
      collections: [...this.collections.values()],
      outbox: this.outbox,
      webhooks: [...this.webhooks.values()],
      webhook_deliveries: [...this.deliveries.values()],
      ...(this.waitlist.size ? { waitlist: [...this.waitlist.values()] } : {}),
    });
  }

  /** Replaces everything with the snapshot's contents (outside any transaction). */
  restore(snapshot: StoreSnapshot): void {
    const copy = structuredClone(snapshot);
    this.clear();
    for (const resource of copy.resources) this.resources.set(resource.id, resource);
    for (const project of copy.projects) this.projects.set(project.id, project);
    for (const collection of copy.collections) this.collections.set(collection.id, collection);
    for (const booking of copy.bookings) this.insertBooking(booking);
    for (const hold of copy.holds) this.insertHold(hold);
    this.outbox.push(...copy.outbox);
    for (const hook of copy.webhooks ?? []) this.webhooks.set(hook.id, hook);
    for (const delivery of copy.webhook_deliveries ?? [])
      this.deliveries.set(delivery.id, delivery);
    for (const entry of copy.waitlist ?? []) this.waitlist.set(entry.id, entry);
  }

  clear(): void {
    for (const map of [this.bookings, this.holds, this.resources, this.projects, this.collections])
      map.clear();
    this.webhooks.clear();
    this.deliveries.clear();
    this.waitlist.clear();
    for (const index of [
      this.bookingsByResource,
      this.seatsByClass,
      this.holdsByResource,
      this.holdsByClass,
    ]) {
      index.clear();
    }
    this.outbox.length = 0;
    this.unwritten.length = 0;
  }
}

const NO_IDS: ReadonlySet<string> = new Set();

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}
