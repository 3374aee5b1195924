/**
 * Field app (移动端 /m) contracts: the offline package, executability check, reservations,
 * check-ins, spare parts, warehouses, stock, SOP library and the version-conflict problem.
 *
 * Headers every field-app request sends:
 *   X-Device-Id      stable per install (also the first-party cookie `gd_device_id`)
 *   X-Device-Time    ISO-8601 with offset, on replayed offline changes (the audit keeps it next to server time)
 *   Idempotency-Key  on replayed POSTs (a replay answers the first response and changes nothing)
 */
import { z } from 'zod';
import type { FormDefinition } from '@gongdan/domain/forms/form-definition';
import type { WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import { CUSTOMER_TIERS, PRIORITIES, TICKET_TYPES } from '@gongdan/domain/ticket/ticket';
import { Instant, LimitQuery, page } from './common.ts';
import { CheckInDto } from './field-check-in.ts';
import { ContactDto, CustomerDto, DeviceDto } from './customers.ts';
import { AllowedTransition } from './tickets.ts';
import { ProblemSchema } from './problem.ts';
import { KnowledgeCardDto } from './knowledge.ts';

export * from './field-check-in.ts';

export const FIELD_HEADERS = { deviceId: 'x-device-id', deviceTime: 'x-device-time', idempotencyKey: 'idempotency-key' } as const;
export const DEVICE_ID_COOKIE = 'gd_device_id';

const Json = z.record(z.string(), z.unknown());
const Point = z.object({ lat: z.number(), lng: z.number() });
const id = z.string().min(1).max(64);

// ---------------------------------------------------------------- spare parts, warehouses, stock

export const PartDto = z.object({
  id: z.string(),
  partNo: z.string(),
  name: z.string(),
  unit: z.string().describe('e.g. 个, 套, 米'),
  models: z.array(z.string()).describe('Device models the part fits'),
  substituteIds: z.array(z.string()).describe('Parts that may be used instead of this one'),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'SparePart' });
export type PartDtoT = z.infer<typeof PartDto>;

export const CreatePartBody = z.object({
  partNo: z.string().trim().min(1, 'required').max(64),
  name: z.string().trim().min(1, 'required').max(200),
  unit: z.string().trim().min(1).max(20).default('个'),
  models: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  substituteIds: z.array(id).max(50).default([]),
}).meta({ id: 'CreateSparePart' });
export const UpdatePartBody = z.object({
  partNo: z.string().trim().min(1, 'required').max(64).optional(),
  name: z.string().trim().min(1, 'required').max(200).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  models: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  substituteIds: z.array(id).max(50).optional(),
}).meta({ id: 'UpdateSparePart' });
export const PartListQuery = z.object({
  q: z.string().max(100).optional().describe('Text in part number or name'),
  model: z.string().max(100).optional().describe('Only parts that fit this device model'),
  cursor: z.string().max(500).optional(),
  limit: LimitQuery,
});
export const PartPage = page(PartDto);

export const WAREHOUSE_KINDS = ['central', 'regional', 'van'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

export const WarehouseDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(WAREHOUSE_KINDS),
  owner: z.object({ id: z.string(), name: z.string() }).nullable().describe('The engineer whose van this is'),
  region: z.string().nullable(),
  address: z.string().nullable(),
  location: Point.nullable().describe('WGS-84'),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Warehouse' });
export type WarehouseDtoT = z.infer<typeof WarehouseDto>;

export const CreateWarehouseBody = z.object({
  code: z.string().trim().min(1, 'required').max(64),
  name: z.string().trim().min(1, 'required').max(200),
  kind: z.enum(WAREHOUSE_KINDS),
  ownerId: id.nullable().optional().describe('Required for kind=van: the engineer'),
  region: z.string().trim().max(100).nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  location: Point.nullable().optional(),
}).meta({ id: 'CreateWarehouse' });
export const UpdateWarehouseBody = z.object({
  name: z.string().trim().min(1, 'required').max(200).optional(),
  ownerId: id.nullable().optional(),
  region: z.string().trim().max(100).nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  location: Point.nullable().optional(),
}).meta({ id: 'UpdateWarehouse' });

export const StockLevelDto = z.object({
  warehouseId: z.string(),
  partId: z.string(),
  onHand: z.number().int().describe('Physically in the warehouse (reserved units included)'),
  reserved: z.number().int().describe('Held for tickets'),
  available: z.number().int().describe('onHand − reserved'),
  updatedAt: z.string(),
}).meta({ id: 'StockLevel' });
export type StockLevelDtoT = z.infer<typeof StockLevelDto>;

export const SetStockBody = z.object({
  onHand: z.number().int().min(0).max(1_000_000),
  reason: z.string().trim().min(1, 'required').max(500).describe('Why the count changed (stocktake, delivery …); kept in the stock ledger'),
}).meta({ id: 'SetStock' });

export const STOCK_MOVEMENT_KINDS = ['set', 'reserve', 'release', 'consume'] as const;
/** One line of the stock ledger: every change of a stock level writes one (who, why, which ticket). */
export const StockMovementDto = z.object({
  id: z.string(),
  warehouseId: z.string(),
  partId: z.string(),
  partNo: z.string(),
  partName: z.string(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  deltaOnHand: z.number().int(),
  deltaReserved: z.number().int(),
  reason: z.string().nullable(),
  ticketId: z.string().nullable(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  at: z.string(),
}).meta({ id: 'StockMovement' });
export type StockMovementDtoT = z.infer<typeof StockMovementDto>;
export const StockMovementQuery = z.object({
  partId: id.optional(),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
  limit: LimitQuery,
});
export const StockMovementPage = page(StockMovementDto);

// ---------------------------------------------------------------- per ticket: parts needed, reservations

export const PartNeededDto = z.object({
  partId: z.string(),
  partNo: z.string(),
  name: z.string(),
  qty: z.number().int(),
  reserved: z.number().int().describe('Units held for this ticket (all warehouses)'),
  inVan: z.number().int().describe('Available units in the assignee’s van'),
}).meta({ id: 'PartNeeded' });
export type PartNeededDtoT = z.infer<typeof PartNeededDto>;

export const SetPartsNeededBody = z.object({
  items: z.array(z.object({ partId: id, qty: z.number().int().min(1).max(1000) })).max(50),
}).meta({ id: 'SetPartsNeeded' });

export const PartsNeededList = z.object({
  items: z.array(z.object({ partId: z.string(), partNo: z.string(), name: z.string(), qty: z.number().int() })),
}).meta({ id: 'PartsNeededList' });

export const RESERVATION_STATUSES = ['held', 'consumed', 'released'] as const;
export const ReservationDto = z.object({
  id: z.string(),
  ticketId: z.string(),
  partId: z.string(),
  partNo: z.string(),
  partName: z.string(),
  warehouseId: z.string(),
  warehouseName: z.string(),
  qty: z.number().int(),
  consumedQty: z.number().int(),
  status: z.enum(RESERVATION_STATUSES),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
}).meta({ id: 'Reservation' });
export type ReservationDtoT = z.infer<typeof ReservationDto>;

export const ReservationBody = z.object({
  partId: id,
  warehouseId: id,
  qty: z.number().int().min(1).max(1000),
  expectedVersion: z.number().int().min(0).optional(),
}).meta({ id: 'ReservationRequest' });

// ---------------------------------------------------------------- executability check

export const EXECUTABILITY_CHECKS = ['parts', 'load', 'appointment'] as const;
export type ExecutabilityCheckId = (typeof EXECUTABILITY_CHECKS)[number];

export const ExecutabilityAlternative = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reserve_from_warehouse'),
    label: z.string(),
    partId: z.string(), partNo: z.string(), partName: z.string(),
    warehouseId: z.string(), warehouseName: z.string(), warehouseKind: z.enum(WAREHOUSE_KINDS),
    available: z.number().int(), qty: z.number().int().describe('Units to reserve (what is still missing)'),
    distanceKm: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('substitute_part'),
    label: z.string(),
    partId: z.string().describe('The needed part'),
    substitutePartId: z.string(), partNo: z.string(), partName: z.string(),
    warehouseId: z.string(), warehouseName: z.string(), warehouseKind: z.enum(WAREHOUSE_KINDS),
    available: z.number().int(), qty: z.number().int(),
  }),
  z.object({
    kind: z.literal('other_engineer'),
    label: z.string(),
    engineerId: z.string(), name: z.string(), score: z.number(),
    distanceKm: z.number().nullable(), openOrders: z.number().int(), loadLimit: z.number().int(),
    reasons: z.array(z.string()).describe('Plain Chinese, e.g. 技能匹配：打印机'),
  }),
  z.object({
    kind: z.literal('next_slot'),
    label: z.string(),
    start: z.string(), end: z.string(),
  }),
]);
export type ExecutabilityAlternativeT = z.infer<typeof ExecutabilityAlternative>;

export const ExecutabilityCheck = z.object({
  id: z.enum(EXECUTABILITY_CHECKS),
  ok: z.boolean(),
  message: z.string().describe('Plain Chinese'),
  alternatives: z.array(ExecutabilityAlternative),
});
export const ExecutabilityResult = z.object({
  ok: z.boolean(),
  checks: z.array(ExecutabilityCheck).describe('Only the checks configured for this ticket type'),
  checkedAt: z.string(),
}).meta({ id: 'Executability' });
export type ExecutabilityResultT = z.infer<typeof ExecutabilityResult>;

export const ExecutabilityQuery = z.object({
  confirmAppointmentChange: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

/** Which checks apply per ticket type (admin). A type missing from the map gets all three. */
export const ExecutabilityConfigDto = z.object({
  byType: z.partialRecord(z.enum(TICKET_TYPES), z.array(z.enum(EXECUTABILITY_CHECKS))),
}).meta({ id: 'ExecutabilityConfig' });

/** Engineer settings the check and the scoring use (admin / supervisor). */
export const EngineerProfileDto = z.object({
  userId: z.string(),
  name: z.string(),
  loadLimit: z.number().int(),
  skills: z.array(z.string()),
  base: Point.nullable().describe('Where the engineer usually starts (WGS-84)'),
  vanWarehouseId: z.string().nullable(),
}).meta({ id: 'EngineerProfile' });
export const UpdateEngineerProfileBody = z.object({
  loadLimit: z.number().int().min(1).max(100).optional(),
  base: Point.nullable().optional(),
}).meta({ id: 'UpdateEngineerProfile' });

// ---------------------------------------------------------------- SOP library

export const SOP_STATUSES = ['draft', 'published'] as const;
export type SopStatus = (typeof SOP_STATUSES)[number];

export const SopDocumentDto = z.object({
  id: z.string(),
  status: z.enum(SOP_STATUSES).describe('Only published documents reach engineers (field package, nameplate links)'),
  publishedAt: z.string().nullable(),
  models: z.array(z.string()),
  title: z.string(),
  body: z.string().describe('Plain text / light markdown'),
  imageIds: z.array(z.string()),
  images: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), url: z.string() })),
  videoLinks: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'SopDocument' });
export type SopDocumentDtoT = z.infer<typeof SopDocumentDto>;

const videoLink = z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(1000);
export const CreateSopBody = z.object({
  models: z.array(z.string().trim().min(1).max(100)).min(1, 'required').max(100),
  title: z.string().trim().min(1, 'required').max(200),
  body: z.string().max(100_000).default(''),
  imageIds: z.array(id).max(50).default([]),
  videoLinks: z.array(videoLink).max(20).default([]),
  status: z.enum(SOP_STATUSES).default('published').describe('Omit to publish at once; the admin page saves drafts first'),
}).meta({ id: 'CreateSop' });
export const UpdateSopBody = z.object({
  models: z.array(z.string().trim().min(1).max(100)).min(1, 'required').max(100).optional(),
  title: z.string().trim().min(1, 'required').max(200).optional(),
  body: z.string().max(100_000).optional(),
  imageIds: z.array(id).max(50).optional(),
  videoLinks: z.array(videoLink).max(20).optional(),
  status: z.enum(SOP_STATUSES).optional().describe('published publishes the document, draft withdraws it from engineers'),
}).meta({ id: 'UpdateSop' });
export const SopListQuery = z.object({
  status: z.enum(SOP_STATUSES).optional(),
  model: z.string().max(100).optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: LimitQuery,
});
export const SopPage = page(SopDocumentDto);

// ---------------------------------------------------------------- the offline package

const Ref = z.object({ id: z.string(), name: z.string() });

export const FieldOrderDto = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  title: z.string(),
  description: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  statusCategory: z.string(),
  priority: z.enum(PRIORITIES),
  faultType: z.string().nullable(),
  customer: Ref.extend({ tier: z.enum(CUSTOMER_TIERS) }),
  contact: z.object({ id: z.string().nullable(), name: z.string().nullable(), phone: z.string().nullable() }),
  device: Ref.extend({ model: z.string(), serialNumber: z.string() }).nullable(),
  assignee: Ref.nullable(),
  version: z.number().int().describe('Changes on every ticket change (the audit chain position); send it back as expectedVersion'),
  ticketVersion: z.number().int().describe('The ticket row version (field/status edits only; PATCH uses it)'),
  allowedTransitions: z.array(AllowedTransition.extend({ guards: z.array(z.string()) })),
  appointment: z.object({ start: z.string(), end: z.string().nullable() }).nullable(),
  address: z.string().nullable(),
  location: z.object({ wgs84: Point.nullable(), gcj02: Point.nullable(), givenCoordSystem: z.string().nullable() }).nullable(),
  partsNeeded: z.array(PartNeededDto),
  reservations: z.array(ReservationDto),
  checkIns: z.array(CheckInDto),
  executability: ExecutabilityResult,
  resolution: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
}).meta({ id: 'FieldOrder' });
export type FieldOrderDtoT = z.infer<typeof FieldOrderDto>;

export const DeviceHistoryEntry = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  faultType: z.string().nullable(),
  resolution: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const FieldCustomerDto = CustomerDto.extend({ contacts: z.array(ContactDto) }).meta({ id: 'FieldCustomer' });

export const FieldStockDto = StockLevelDto.extend({
  warehouseName: z.string(),
  warehouseKind: z.enum(WAREHOUSE_KINDS),
});


export const FieldPackageDto = z.object({
  generatedAt: z.string(),
  engineer: z.object({ id: z.string(), name: z.string(), vanWarehouseId: z.string().nullable() }),
  orders: z.array(FieldOrderDto).describe('The engineer’s last 30 assigned tickets, open ones first'),
  customers: z.array(FieldCustomerDto),
  devices: z.array(DeviceDto).describe('The orders’ devices and their customers’ other devices (for matching a nameplate by serial offline)'),
  deviceHistory: z.record(z.string(), z.array(DeviceHistoryEntry)).describe('deviceId → last 10 tickets of that device'),
  sops: z.array(SopDocumentDto),
  parts: z.array(PartDto).describe('Parts the orders need, parts fitting their models, and their substitutes'),
  warehouses: z.array(WarehouseDto),
  stock: z.array(FieldStockDto).describe('The van plus every warehouse holding a relevant part'),
  forms: z.array(Json).describe('FormDefinition[] (packages/domain/src/forms/form-definition.ts)'),
  workflow: Json.describe('WorkflowDefinition (packages/domain/src/ticket/workflow-definition.ts)'),
  knowledgeCards: z.array(KnowledgeCardDto).describe('Published knowledge cards for the orders’ device models (the offline SOP library)'),
}).meta({ id: 'FieldPackage' });
/** The package with forms and workflow typed by the domain definitions. */
export type FieldPackageT = Omit<z.infer<typeof FieldPackageDto>, 'forms' | 'workflow'> & { forms: FormDefinition[]; workflow: WorkflowDefinition };

// ---------------------------------------------------------------- conflicts

export const CONFLICT_KINDS = ['reassigned', 'cancelled', 'closed', 'merged', 'status_changed', 'same_field'] as const;
export const VersionConflictProblem = ProblemSchema.extend({
  conflicts: z.array(z.object({ kind: z.enum(CONFLICT_KINDS), message: z.string() })).optional(),
  current: FieldOrderDto.optional().describe('The ticket as it is now, for the field app to show'),
}).meta({ id: 'VersionConflictProblem' });
export type VersionConflictProblemT = z.infer<typeof VersionConflictProblem>;

export const ExpectedVersion = z.number().int().min(0).optional()
  .describe('FieldOrder.version the change was made against; a stale one is checked for conflicting changes (409 version-conflict)');
export { Instant };
