import type { TicketScope } from '@gongdan/domain/access/permissions';
import { CompiledQuery, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { dialectOf } from '../storage/database.ts';
import type { DB, TicketRow, TicketUpdate } from '../storage/tables.ts';
import { insertRows } from '../storage/insert-row.ts';
import { containsText } from '../storage/like-pattern.ts';
import type { DialectName } from '../storage/database.ts';
import { sortSlices, type SortSlice, type TicketSortKey } from './ticket-sort-slices.ts';

export { NO_APPOINTMENT, type TicketSortKey } from './ticket-sort-slices.ts';

export type Db = Kysely<DB>;

/** Loads a ticket row; on Postgres inside a transaction it locks the row for the change. */
export async function findTicketRow(db: Db, id: string, opts: { forUpdate?: DialectName } = {}): Promise<TicketRow | undefined> {
  let q = db.selectFrom('tickets').selectAll().where('id', '=', id);
  if (opts.forUpdate === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertTicketRow(db: Db, row: TicketRow): Promise<void> {
  await insertRows(db, 'tickets', [row]);
}

/**
 * Optimistic write guarded by the audit chain position: every change appends one record, so
 * a ticket whose chain moved since it was read was changed by someone else meanwhile.
 */
export async function updateTicketRow(db: Db, id: string, expectedAuditSeq: number, values: TicketUpdate): Promise<boolean> {
  const res = await db.updateTable('tickets').set(values).where('id', '=', id).where('audit_seq', '=', expectedAuditSeq).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Next per-day sequence for ticket numbers; the counter row serialises creators of one day only. */
export async function nextTicketSequence(db: Db, day: string): Promise<number> {
  const row = await db
    .insertInto('ticket_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`ticket_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export interface TicketFilter {
  status?: string[] | undefined;
  priority?: string[] | undefined;
  type?: string[] | undefined;
  teamId?: string | undefined;
  assigneeId?: string | undefined;
  customerId?: string | undefined;
  faultType?: string | undefined;
  q?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  flag?: string | undefined;
  /** Running SLA clocks in these states at `slaNow` (warning, breached), by the list keys on ticket_sla (ADR 017). */
  slaState?: string[] | undefined;
  slaNow?: string | undefined;
}

/** Tickets with no running SLA clock sort after every due time (ascending), like NO_APPOINTMENT. */
export const NO_SLA_DUE = '9999-12-31T23:59:59.999Z';

export interface TicketPageRequest {
  filter: TicketFilter;
  scope: TicketScope;
  sort: { key: TicketSortKey; desc: boolean };
  after: { value: string | number; id: string } | null;
  limit: number;
}

/**
 * warning = past the warning instant but not the due time, breached = past the due time (ADR 017).
 * `warn_at <= now` covers both: a breached clock's warning instant has passed too.
 */
function slaStateCondition(states: string[], nowIso: string) {
  const warning = states.includes('warning');
  const breached = states.includes('breached');
  return (eb: ExpressionBuilder<DB, 'ticket_sla'>) => eb.and([
    eb('ticket_sla.warn_at', '<=', nowIso),
    ...(!breached ? [eb('ticket_sla.due_at', '>', nowIso)] : []),
    ...(!warning ? [eb('ticket_sla.due_at', '<=', nowIso)] : []),
  ]);
}

function applyScope<O>(q: SelectQueryBuilder<DB, 'tickets', O>, scope: TicketScope): SelectQueryBuilder<DB, 'tickets', O> {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'none':
      return q.where(sql<boolean>`1 = 0`);
    case 'customer':
      return q.where('tickets.customer_id', '=', scope.customerId);
    case 'engineer':
      return q.where((eb) =>
        scope.teamIds.length > 0
          ? eb.or([eb('tickets.assignee_id', '=', scope.userId), eb('tickets.team_id', 'in', [...scope.teamIds])])
          : eb('tickets.assignee_id', '=', scope.userId),
      );
  }
}

/** The board's filters within the caller's visibility; shared by the list, counts and exports. */
export function filteredTickets(db: Db, f: TicketFilter, scope: TicketScope) {
  let q = applyScope(db.selectFrom('tickets').selectAll('tickets'), scope);
  if (f.status?.length) q = q.where('tickets.status', 'in', f.status);
  if (f.priority?.length) q = q.where('tickets.priority', 'in', f.priority);
  if (f.type?.length) q = q.where('tickets.type', 'in', f.type);
  if (f.teamId) q = q.where('tickets.team_id', '=', f.teamId);
  if (f.assigneeId) q = q.where('tickets.assignee_id', '=', f.assigneeId);
  if (f.customerId) q = q.where('tickets.customer_id', '=', f.customerId);
  if (f.faultType) q = q.where('tickets.fault_type', '=', f.faultType);
  if (f.createdFrom) q = q.where('tickets.created_at', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('tickets.created_at', '<', f.createdTo);
  if (f.flag) {
    const flag = f.flag;
    q = q.where((eb) => eb.exists(eb.selectFrom('ticket_flags').select('ticket_flags.ticket_id')
      .whereRef('ticket_flags.ticket_id', '=', 'tickets.id').where('ticket_flags.flag', '=', flag)));
  }
  if (f.slaState?.length && f.slaNow) {
    // An IN over ticket_sla's warn_at index: the few tickets past their warning drive the query.
    const cond = slaStateCondition(f.slaState, f.slaNow);
    q = q.where('tickets.id', 'in', (eb) => eb.selectFrom('ticket_sla').select('ticket_sla.ticket_id').where(cond));
  }
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => containsText(eb, dialectOf(db), ['tickets.number', 'tickets.title', 'tickets.description'], text));
  }
  return q;
}

/** How many tickets match the filters within the caller's visibility. */
export async function countTicketRows(db: Db, filter: TicketFilter, scope: TicketScope): Promise<number> {
  const row = await filteredTickets(db, filter, scope).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A ticket row as lists read it: without the audit chain head (64-character MACs nobody shows). */
export type ListedTicketRow = Omit<TicketRow, 'audit_seq' | 'audit_head' | 'audit_head_mac' | 'audit_checkpoint_seq'> & {
  /** Only with the sla_due sort: the row's sort value (ticket_sla.due_at), for the cursor. */
  sla_due_at?: string | null;
};
const LISTED_COLUMNS = [
  'id', 'number', 'type', 'title', 'description', 'customer_id', 'contact_id', 'contact_name', 'contact_phone', 'device_id', 'fault_type',
  'impact_scope', 'priority', 'status', 'team_id', 'assignee_id', 'channel', 'custom_fields', 'appointment_start', 'appointment_end',
  'location', 'resolution', 'created_by', 'created_at', 'updated_at', 'first_response_at', 'resolved_at', 'closed_at', 'version',
] as const satisfies readonly (keyof ListedTicketRow)[];

/**
 * One page of ticket rows, keyset-paginated on (sort key, id). Fetches limit+1 to know if more exist.
 * The page is read slice by slice (`sortSlices`: the priority sort one priority at a time, the
 * appointment sort with and without an appointment) and, with several statuses, one status at a
 * time, merged: each query walks a `(status, column, id)` index from the cursor and stops after a
 * page, where one `status in (…) order by <expression>` query sorted every visible ticket (ADR 022).
 */
export async function listTicketRows(db: Db, req: TicketPageRequest): Promise<ListedTicketRow[]> {
  if (req.sort.key === 'sla_due') return listBySlaDue(db, req);
  const rows: ListedTicketRow[] = [];
  const statuses = req.filter.status && req.filter.status.length > 1 ? await statusesToRead(db, [...new Set(req.filter.status)], req.filter.assigneeId) : null;
  for (const slice of sortSlices({ key: req.sort.key, desc: req.sort.desc }, req.after, req.filter.priority)) {
    const want = req.limit + 1 - rows.length;
    if (want <= 0) break;
    const pages = statuses
      ? await Promise.all(statuses.map((s) => listSlice(db, { ...req.filter, status: [s] }, req, slice, want)))
      : [await listSlice(db, req.filter, req, slice, want)];
    rows.push(...mergeSlicePages(pages, slice, req.sort.desc).slice(0, want));
  }
  return rows;
}

/**
 * One slice for one status (or the whole status filter): the keyset condition is a row-value
 * comparison, which both planners turn into a range on the index; `key < v or (key = v and id < i)`
 * left Postgres filtering every entry before the cursor.
 */
function listSlice(db: Db, filter: TicketFilter, req: TicketPageRequest, slice: SortSlice, limit: number): Promise<ListedTicketRow[]> {
  // A priority slice replaces the priority filter (sortSlices kept only the filter's priorities): beside
  // `priority in (…)` SQLite read the index once per listed priority and sorted. It is written as the range
  // `p <= priority <= p`, not `=`: with `=` Postgres knows the order needs id alone and, when its sample
  // promised many matches, walked tickets_pkey filtering them instead (2 s for a customer's page at 1M).
  const p = slice.narrow && 'priority' in slice.narrow ? slice.narrow.priority : null;
  let q = filteredTickets(db, p ? { ...filter, priority: undefined } : filter, req.scope).clearSelect().select(LISTED_COLUMNS.map((c) => `tickets.${c}` as const));
  if (p) q = q.where('tickets.priority', '>=', p).where('tickets.priority', '<=', p);
  if (slice.narrow && 'appointment' in slice.narrow) q = q.where('tickets.appointment_start', slice.narrow.appointment === 'set' ? 'is not' : 'is', null);
  const col = sql.ref(`tickets.${slice.column}`);
  if (slice.after) {
    const a = slice.after;
    q = 'value' in a ? q.where(keysetAfter(col, sql.ref('tickets.id'), a, req.sort.desc)) : q.where(sql<boolean>`tickets.id ${sql.raw(req.sort.desc ? '<' : '>')} ${a.id}`);
  }
  // Ordered by the column even where it is constant in the slice (a priority, no appointment): then the
  // index order is the page order on Postgres too, which does not treat `is null` as fixing a column.
  const dir = sql.raw(req.sort.desc ? 'desc' : 'asc');
  return q.orderBy(sql`${col} ${dir}`).orderBy(sql`tickets.id ${dir}`).limit(limit).execute();
}

/**
 * Keyset position "after (value, id)" in a (column, id) order, as a row-value comparison: both
 * planners turn it into a range on the (…, column, id) index, where `col < v or (col = v and id < i)`
 * left Postgres filtering every entry before the cursor (ADR 022). Every keyset page uses it.
 */
function keysetAfter(col: RawBuilder<unknown>, id: RawBuilder<unknown>, after: { value: string | number; id: string }, desc: boolean): RawBuilder<boolean> {
  return sql<boolean>`(${col}, ${id}) ${sql.raw(desc ? '<' : '>')} (${after.value}, ${after.id})`;
}

/**
 * The sla_due sort (ADR 017): driven by the ticket_sla_due index (due_at, ticket_id) in order,
 * joined to tickets by key, so a page costs its rows rather than a sort of every open ticket.
 * Clocks that do not run carry the far-future due instant, so they come last without a NULL
 * ordering (which the two dialects disagree on); tickets that never had an SLA (no policy
 * matched) have no row and are not listed by this sort.
 */
async function listBySlaDue(db: Db, req: TicketPageRequest): Promise<ListedTicketRow[]> {
  const { slaState, slaNow, ...rest } = req.filter;
  let q = filteredTickets(db, rest, req.scope).clearSelect().select(LISTED_COLUMNS.map((c) => `tickets.${c}` as const))
    .innerJoin('ticket_sla', 'ticket_sla.ticket_id', 'tickets.id').select('ticket_sla.due_at as sla_due_at');
  if (slaState?.length && slaNow) q = q.where((eb) => slaStateCondition(slaState, slaNow)(eb as unknown as ExpressionBuilder<DB, 'ticket_sla'>));
  if (req.after) q = q.where(keysetAfter(sql.ref('ticket_sla.due_at'), sql.ref('ticket_sla.ticket_id'), req.after, req.sort.desc));
  const dir = req.sort.desc ? sql.raw('desc') : sql.raw('asc');
  return q.orderBy(sql`ticket_sla.due_at ${dir}`).orderBy(sql`ticket_sla.ticket_id ${dir}`).limit(req.limit + 1).execute() as Promise<ListedTicketRow[]>;
}

/** Names shown beside a ticket: customer, device, team, assignee. One query for a whole page. */
export async function loadTicketRefs(db: Db, rows: Pick<TicketRow, 'customer_id' | 'device_id' | 'team_id' | 'assignee_id'>[]) {
  const ids = (pick: (r: Pick<TicketRow, 'customer_id' | 'device_id' | 'team_id' | 'assignee_id'>) => string | null) => [...new Set(rows.map(pick).filter((x): x is string => !!x))];
  const [customers, devices, teams, users] = await Promise.all([
    fetchIn(ids((r) => r.customer_id), (v) => db.selectFrom('customers').select(['id', 'name', 'tier']).where('id', 'in', v).execute()),
    fetchIn(ids((r) => r.device_id), (v) =>
      db.selectFrom('devices').select(['id', 'name', 'model', 'serial_number']).where('id', 'in', v).execute()),
    fetchIn(ids((r) => r.team_id), (v) => db.selectFrom('teams').select(['id', 'name']).where('id', 'in', v).execute()),
    fetchIn(ids((r) => r.assignee_id), (v) => db.selectFrom('users').select(['id', 'name']).where('id', 'in', v).execute()),
  ]);
  return {
    customers: new Map(customers.map((c) => [c.id, c])),
    devices: new Map(devices.map((d) => [d.id, d])),
    teams: new Map(teams.map((t) => [t.id, t])),
    users: new Map(users.map((u) => [u.id, u])),
  };
}
export type TicketRefs = Awaited<ReturnType<typeof loadTicketRefs>>;

/**
 * The same names for a single ticket in one round trip (the answer to every write): four
 * scalar lookups joined onto one row instead of four queries.
 */
export async function loadSingleTicketRefs(db: Db, row: Pick<TicketRow, 'customer_id' | 'device_id' | 'team_id' | 'assignee_id'>): Promise<TicketRefs> {
  const p = dialectOf(db) === 'postgres' ? (n: number) => `$${n}` : () => '?';
  const text = `select c.id as c_id, c.name as c_name, c.tier as c_tier, d.id as d_id, d.name as d_name, d.model as d_model,
    d.serial_number as d_serial, t.id as t_id, t.name as t_name, u.id as u_id, u.name as u_name
    from (select 1 as one) x
    left join customers c on c.id = ${p(1)} left join devices d on d.id = ${p(2)}
    left join teams t on t.id = ${p(3)} left join users u on u.id = ${p(4)}`;
  const res = await db.executeQuery<Record<string, string | null>>(
    CompiledQuery.raw(text, [row.customer_id, row.device_id, row.team_id, row.assignee_id]),
  );
  const r = res.rows[0] ?? {};
  return {
    customers: new Map(r.c_id ? [[r.c_id, { id: r.c_id, name: r.c_name ?? '', tier: r.c_tier ?? '' }]] : []),
    devices: new Map(r.d_id ? [[r.d_id, { id: r.d_id, name: r.d_name ?? null, model: r.d_model ?? '', serial_number: r.d_serial ?? '' }]] : []),
    teams: new Map(r.t_id ? [[r.t_id, { id: r.t_id, name: r.t_name ?? '' }]] : []),
    users: new Map(r.u_id ? [[r.u_id, { id: r.u_id, name: r.u_name ?? '' }]] : []),
  };
}

async function fetchIn<T>(values: string[], run: (v: string[]) => Promise<T[]>): Promise<T[]> {
  return values.length === 0 ? [] : run(values);
}

/**
 * With an assignee filter, the statuses in which the assignee holds no ticket at all are left out (one
 * probe of tickets_assignee each): new tickets have no assignee, and walking "new" in sort order for one
 * read all 450,000 of them at 1M (ADR 022).
 */
async function statusesToRead(db: Db, statuses: string[], assigneeId: string | undefined): Promise<string[]> {
  if (!assigneeId) return statuses;
  // Ordered like tickets_assignee (assignee_id, status, created_at): without the order Postgres expected
  // one of its ~26,000 estimated rows within the first few of a sequential scan, and read all 1M when none exists.
  const held = await Promise.all(statuses.map((s) => db.selectFrom('tickets').select('tickets.status')
    .where('tickets.assignee_id', '=', assigneeId).where('tickets.status', '=', s).orderBy('tickets.created_at').limit(1).executeTakeFirst()));
  return statuses.filter((_, i) => held[i] !== undefined);
}

/** The per-status pages of one slice in slice order: by (column, id); a column constant in the slice leaves id. */
function mergeSlicePages(pages: ListedTicketRow[][], slice: SortSlice, desc: boolean): ListedTicketRow[] {
  if (pages.length === 1) return pages[0] ?? [];
  const dir = desc ? -1 : 1;
  const cmp = (a: ListedTicketRow, b: ListedTicketRow) => {
    const x = a[slice.column] ?? '';
    const y = b[slice.column] ?? '';
    return x !== y ? (x < y ? -dir : dir) : a.id === b.id ? 0 : a.id < b.id ? -dir : dir;
  };
  return pages.flat().sort(cmp);
}
