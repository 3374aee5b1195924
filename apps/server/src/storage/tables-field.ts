/** Field app tables (see tables.ts for the conventions: ISO text times, JSON text, 0/1 booleans). */

export type SparePartsTable = {
  id: string;
  part_no: string;
  name: string;
  unit: string;
  /** JSON string[] of device models. */
  models: string;
  /** JSON string[] of part ids. */
  substitute_ids: string;
  active: number;
  created_at: string;
  updated_at: string;
};

export type SparePartModelsTable = { part_id: string; model: string };

export type WarehousesTable = {
  id: string;
  code: string;
  name: string;
  kind: string;
  owner_id: string | null;
  region: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  active: number;
  created_at: string;
  updated_at: string;
};

export type StockLevelsTable = {
  warehouse_id: string;
  part_id: string;
  on_hand: number;
  reserved: number;
  updated_at: string;
};

export type StockMovementsTable = {
  id: string;
  warehouse_id: string;
  part_id: string;
  delta_on_hand: number;
  delta_reserved: number;
  kind: string;
  reason: string | null;
  ticket_id: string | null;
  reservation_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
};

export type TicketPartsNeededTable = { ticket_id: string; part_id: string; qty: number };

export type PartReservationsTable = {
  id: string;
  ticket_id: string;
  part_id: string;
  warehouse_id: string;
  qty: number;
  consumed_qty: number;
  status: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
};

export type CheckInsTable = {
  id: string;
  ticket_id: string;
  user_id: string | null;
  user_name: string;
  wgs84_lat: number;
  wgs84_lng: number;
  gcj02_lat: number;
  gcj02_lng: number;
  given: string;
  accuracy_m: number | null;
  device_time: string;
  server_time: string;
  device_id: string | null;
};

export type SopDocumentsTable = {
  id: string;
  title: string;
  body: string;
  models: string;
  image_ids: string;
  video_links: string;
  /** 'draft' | 'published': only published documents reach engineers. */
  status: string;
  published_at: string | null;
  published_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type SopDocumentModelsTable = { sop_id: string; model: string };

export type SopImagesTable = {
  id: string;
  sha256: string;
  filename: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  created_at: string;
};

export interface FieldTables {
  spare_parts: SparePartsTable;
  spare_part_models: SparePartModelsTable;
  warehouses: WarehousesTable;
  stock_levels: StockLevelsTable;
  stock_movements: StockMovementsTable;
  ticket_parts_needed: TicketPartsNeededTable;
  part_reservations: PartReservationsTable;
  check_ins: CheckInsTable;
  sop_documents: SopDocumentsTable;
  sop_document_models: SopDocumentModelsTable;
  sop_images: SopImagesTable;
}
