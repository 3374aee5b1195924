/**
 * The field administration API (spare parts, warehouses and their stock ledger, the SOP library,
 * which executability checks apply, engineers' load limits) as typed calls and query hooks.
 * Types come from the zod contracts; only types are imported, so zod stays out of the bundle.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePartBody, CreateSopBody, CreateWarehouseBody, EngineerProfileDto, ExecutabilityCheckId, ExecutabilityConfigDto, PartDto,
  SopDocumentDto, StockLevelDto, StockMovementDto, UpdatePartBody, UpdateSopBody, UpdateWarehouseBody, WarehouseDto,
} from '@gongdan/contracts/field';
import { api } from '../../../lib/api.ts';

export type Part = z.infer<typeof PartDto>;
export type Warehouse = z.infer<typeof WarehouseDto>;
export type StockLevel = z.infer<typeof StockLevelDto>;
export type StockMovement = z.infer<typeof StockMovementDto>;
export type Sop = z.infer<typeof SopDocumentDto>;
export type SopInput = z.input<typeof CreateSopBody>;
export type EngineerProfile = z.infer<typeof EngineerProfileDto>;
export type ExecutabilityConfig = z.infer<typeof ExecutabilityConfigDto>['byType'];
export type CheckId = ExecutabilityCheckId;
export interface SopImage { id: string; filename: string; url: string }

const { get, post, request } = api.raw;
const enc = encodeURIComponent;

export const fieldAdminApi = {
  parts: async () => {
    // The catalogue is paged by part number; an admin page shows it whole (a few hundred lines).
    const items: Part[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: Part[]; nextCursor: string | null } = await get('/api/v1/parts', { limit: 200, cursor });
      items.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    return items;
  },
  createPart: (body: z.input<typeof CreatePartBody>) => post<Part>('/api/v1/parts', body),
  updatePart: (id: string, body: z.input<typeof UpdatePartBody>) => request<Part>('PATCH', `/api/v1/parts/${enc(id)}`, { body }),
  deletePart: (id: string) => request<{ id: string }>('DELETE', `/api/v1/parts/${enc(id)}`),
  warehouses: async () => (await get<{ items: Warehouse[] }>('/api/v1/warehouses')).items,
  createWarehouse: (body: z.input<typeof CreateWarehouseBody>) => post<Warehouse>('/api/v1/warehouses', body),
  updateWarehouse: (id: string, body: z.input<typeof UpdateWarehouseBody>) => request<Warehouse>('PATCH', `/api/v1/warehouses/${enc(id)}`, { body }),
  stock: async (id: string) => (await get<{ items: StockLevel[] }>(`/api/v1/warehouses/${enc(id)}/stock`)).items,
  setStock: (id: string, partId: string, body: { onHand: number; reason: string }) =>
    request<StockLevel>('PUT', `/api/v1/warehouses/${enc(id)}/stock/${enc(partId)}`, { body }),
  movements: (id: string, cursor?: string) => get<{ items: StockMovement[]; nextCursor: string | null }>(`/api/v1/warehouses/${enc(id)}/movements`, { limit: 50, cursor }),
  sops: async () => (await get<{ items: Sop[]; nextCursor: string | null }>('/api/v1/sops', { limit: 200 })).items,
  createSop: (body: SopInput) => post<Sop>('/api/v1/sops', body),
  updateSop: (id: string, body: z.input<typeof UpdateSopBody>) => request<Sop>('PATCH', `/api/v1/sops/${enc(id)}`, { body }),
  deleteSop: (id: string) => request<{ id: string }>('DELETE', `/api/v1/sops/${enc(id)}`),
  uploadSopImage: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<SopImage>('POST', '/api/v1/sop-images', { form });
  },
  checks: async () => (await get<{ byType: ExecutabilityConfig }>('/api/v1/field/executability-config')).byType,
  setChecks: async (byType: ExecutabilityConfig) => (await request<{ byType: ExecutabilityConfig }>('PUT', '/api/v1/field/executability-config', { body: { byType } })).byType,
  profile: (userId: string) => get<EngineerProfile>(`/api/v1/engineers/${enc(userId)}/field-profile`),
  setLoadLimit: (userId: string, loadLimit: number) => request<EngineerProfile>('PATCH', `/api/v1/engineers/${enc(userId)}/field-profile`, { body: { loadLimit } }),
};

export const fieldAdminKeys = {
  parts: ['field-admin', 'parts'] as const,
  warehouses: ['field-admin', 'warehouses'] as const,
  stock: (id: string) => ['field-admin', 'warehouses', id, 'stock'] as const,
  movements: (id: string) => ['field-admin', 'warehouses', id, 'movements'] as const,
  sops: ['field-admin', 'sops'] as const,
  checks: ['field-admin', 'checks'] as const,
  profiles: ['field-admin', 'profiles'] as const,
};

export const useParts = () => useQuery({ queryKey: fieldAdminKeys.parts, queryFn: fieldAdminApi.parts });
export const useWarehouses = () => useQuery({ queryKey: fieldAdminKeys.warehouses, queryFn: fieldAdminApi.warehouses });
export const useSops = () => useQuery({ queryKey: fieldAdminKeys.sops, queryFn: fieldAdminApi.sops });
export const useChecks = () => useQuery({ queryKey: fieldAdminKeys.checks, queryFn: fieldAdminApi.checks });
