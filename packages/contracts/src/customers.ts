import { z } from 'zod';
import { CUSTOMER_TIERS } from '@gongdan/domain/ticket/ticket';
import { LimitQuery, page } from './common.ts';

const day = z.iso.date({ message: 'must be a date like 2026-11-25' });

export const ContactBody = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email({ message: 'must be an email address' }).nullable().optional(),
  title: z.string().trim().max(100).nullable().optional(),
  isPrimary: z.boolean().default(false),
});
export const ContactDto = z.object({
  id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), title: z.string().nullable(), isPrimary: z.boolean(),
}).meta({ id: 'Contact' });

export const ContractBody = z.object({
  number: z.string().trim().min(1, 'required').max(64),
  name: z.string().trim().min(1, 'required').max(200),
  serviceTier: z.enum(CUSTOMER_TIERS),
  startsOn: day,
  endsOn: day,
});
export const ContractDto = z.object({
  id: z.string(), number: z.string(), name: z.string(), serviceTier: z.string(), startsOn: z.string(), endsOn: z.string(),
}).meta({ id: 'Contract' });

export const DeviceBody = z.object({
  model: z.string().trim().min(1, 'required').max(100),
  serialNumber: z.string().trim().min(1, 'required').max(100),
  name: z.string().trim().max(200).nullable().optional(),
  productLine: z.string().trim().max(100).nullable().optional(),
  installedOn: day.nullable().optional(),
  warrantyUntil: day.nullable().optional(),
  location: z.string().max(500).nullable().optional(),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export const DeviceDto = z.object({
  id: z.string(), customerId: z.string(), model: z.string(), serialNumber: z.string(), name: z.string().nullable(),
  productLine: z.string().nullable(), installedOn: z.string().nullable(), warrantyUntil: z.string().nullable(),
  location: z.string().nullable(), attributes: z.record(z.string(), z.unknown()),
}).meta({ id: 'Device' });

export const CreateCustomerBody = z.object({
  code: z.string().trim().min(1, 'required').max(64),
  name: z.string().trim().min(1, 'required').max(200),
  tier: z.enum(CUSTOMER_TIERS),
  industry: z.string().max(100).nullable().optional(),
  region: z.string().max(100).nullable().optional(),
  address: z.string().max(500).nullable().optional(),
  productLines: z.array(z.string().max(100)).max(50).default([]),
  externalRefs: z.record(z.string(), z.string()).default({}),
  notes: z.string().max(5000).nullable().optional(),
  contacts: z.array(ContactBody).max(50).default([]),
});

export const CustomerDto = z.object({
  id: z.string(), code: z.string(), name: z.string(), tier: z.enum(CUSTOMER_TIERS), industry: z.string().nullable(),
  region: z.string().nullable(), address: z.string().nullable(), productLines: z.array(z.string()),
  externalRefs: z.record(z.string(), z.string()), notes: z.string().nullable(), createdAt: z.string(),
}).meta({ id: 'Customer' });

export const CustomerDetailDto = CustomerDto.extend({
  contacts: z.array(ContactDto),
  contracts: z.array(ContractDto),
  devices: z.array(DeviceDto),
  ticketStats: z.object({ total: z.number().int(), open: z.number().int() }),
}).meta({ id: 'CustomerDetail' });

export const CustomerListQuery = z.object({
  q: z.string().max(100).optional(),
  tier: z.enum(CUSTOMER_TIERS).optional(),
  cursor: z.string().max(500).optional(),
  limit: LimitQuery,
});
export const CustomerPage = page(CustomerDto);
