import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreateWarehouseBody, SetStockBody, StockLevelDto, StockMovementPage, StockMovementQuery, UpdateWarehouseBody, WAREHOUSE_KINDS, WarehouseDto } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import { createWarehouse, deleteWarehouse, listStock, listStockMovements, listWarehouses, setStock, updateWarehouse } from './manage-warehouses.ts';

const tags = ['warehouses'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function registerWarehouseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/warehouses', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Warehouses: central, regional and engineer vans', querystring: z.object({ kind: z.enum(WAREHOUSE_KINDS).optional(), ownerId: z.string().max(64).optional() }), response: { 200: z.object({ items: z.array(WarehouseDto) }), ...problems } },
  }, async (req) => ({ items: await listWarehouses(ctx, req.query) }));
  r.post('/api/v1/warehouses', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: add a warehouse (a van needs its engineer)', body: CreateWarehouseBody, response: { 201: WarehouseDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createWarehouse(ctx, originOf(req), req.body), 201, (w) => w));
  r.patch('/api/v1/warehouses/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: edit a warehouse', params: IdParams, body: UpdateWarehouseBody, response: { 200: WarehouseDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateWarehouse(ctx, originOf(req), req.params.id, req.body), 200, (w) => w));
  r.delete('/api/v1/warehouses/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: close a warehouse (refused while it holds reservations)', params: IdParams, response: { 200: z.object({ id: z.string() }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await deleteWarehouse(ctx, originOf(req), req.params.id), 200, (w) => w));
  r.get('/api/v1/warehouses/:id/stock', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Stock levels of a warehouse', params: IdParams, response: { 200: z.object({ items: z.array(StockLevelDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listStock(ctx, req.params.id), 200, (items) => ({ items })));
  r.put('/api/v1/warehouses/:id/stock/:partId', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: set the on-hand count of a part (stocktake, delivery); the ledger keeps the change', params: z.object({ id: z.string().min(1).max(64), partId: z.string().min(1).max(64) }), body: SetStockBody, response: { 200: StockLevelDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await setStock(ctx, actorOf(req), req.params.id, req.params.partId, req.body), 200, (s) => s));
  r.get('/api/v1/warehouses/:id/movements', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Stock ledger of a warehouse, newest first: who changed which level, by how much, why, for which ticket', params: IdParams, querystring: StockMovementQuery, response: { 200: StockMovementPage, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listStockMovements(ctx, req.params.id, req.query), 200, (p) => p));
}
