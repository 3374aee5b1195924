import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import {
  ContactBody, ContactDto, ContractBody, ContractDto, CreateCustomerBody, CustomerDetailDto, CustomerDto, CustomerListQuery, CustomerPage, DeviceBody, DeviceDto,
} from '@gongdan/contracts/customers';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { getCustomer, listCustomers } from './read-customers.ts';
import { addContact, addContract, addDevice, createCustomer } from './manage-customers.ts';
import { presentContact, presentContract, presentCustomer, presentDevice } from './customer.presenter.ts';

const tags = ['customers'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

export function registerCustomerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/customers', {
    config: { access: 'customer.write' },
    schema: { tags, summary: 'Create a customer with contacts', body: CreateCustomerBody, response: { 201: CustomerDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createCustomer(ctx, actorOf(req), req.body), 201, presentCustomer));

  r.get('/api/v1/customers', {
    config: { access: 'customer.read' },
    schema: { tags, summary: 'List customers by name', querystring: CustomerListQuery, response: { 200: CustomerPage, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listCustomers(ctx, req.query), 200, (p) => p));

  r.get('/api/v1/customers/:id', {
    config: { access: 'customer.read' },
    schema: { tags, summary: 'A customer with contacts, contracts, devices and ticket counts', params: IdParams, response: { 200: CustomerDetailDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCustomer(ctx, req.params.id), 200, (c) => c));

  r.post('/api/v1/customers/:id/contacts', {
    config: { access: 'customer.write' },
    schema: { tags, summary: 'Add a contact', params: IdParams, body: ContactBody, response: { 201: ContactDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await addContact(ctx, req.params.id, req.body), 201, presentContact));

  r.post('/api/v1/customers/:id/contracts', {
    config: { access: 'customer.write' },
    schema: { tags, summary: 'Add a service contract', params: IdParams, body: ContractBody, response: { 201: ContractDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await addContract(ctx, req.params.id, req.body), 201, presentContract));

  r.post('/api/v1/customers/:id/devices', {
    config: { access: 'customer.write' },
    schema: { tags, summary: 'Register a device (serial numbers are unique)', params: IdParams, body: DeviceBody, response: { 201: DeviceDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await addDevice(ctx, req.params.id, req.body), 201, presentDevice));
}
