/**
 * Wire types of the API, inferred from the zod contracts the server validates with. Only types
 * are imported, so zod itself never reaches the browser bundle.
 */
import type { z } from 'zod';
import type { SessionDto } from '@gongdan/contracts/auth';
import type { AuditRecordDto } from '@gongdan/contracts/audit';
import type {
  ContactDto, ContractDto, CustomerDetailDto, CustomerDto, DeviceDto,
} from '@gongdan/contracts/customers';
import type {
  AllowedTransition, AttachmentDto, CommentDto, CreateTicketBody, TicketDto, TicketListQuery, TICKET_SORTS, TransitionBody, UpdateTicketBody,
} from '@gongdan/contracts/tickets';
import type { TeamDto, UserDto } from '@gongdan/contracts/users';
import type { MergeResultDto, TicketLinkDto, LINK_KINDS } from '@gongdan/contracts/ticket-links';
import type { CustomerSummaryDto, CustomerTicketStatsDto, DeviceSummaryDto } from '@gongdan/contracts/customer-insights';
import type { FieldDefinition, FormDefinition } from '@gongdan/domain/forms/form-definition';

export type Session = z.infer<typeof SessionDto>;
export type Ticket = z.infer<typeof TicketDto>;
export type TicketTransition = z.infer<typeof AllowedTransition>;
export type TicketSort = (typeof TICKET_SORTS)[number];
/** Query string of GET /api/v1/tickets as the browser writes it (comma lists, before the server's transforms). */
export type TicketListParams = Partial<Record<keyof z.input<typeof TicketListQuery>, string>>;
export type CreateTicketInput = z.input<typeof CreateTicketBody>;
export type UpdateTicketInput = z.input<typeof UpdateTicketBody>;
export type TransitionInput = z.input<typeof TransitionBody>;
export type Comment = z.infer<typeof CommentDto>;
export type Attachment = z.infer<typeof AttachmentDto>;
export type AuditRecord = z.infer<typeof AuditRecordDto>;
export type Customer = z.infer<typeof CustomerDto>;
export type CustomerDetail = z.infer<typeof CustomerDetailDto>;
export type Contact = z.infer<typeof ContactDto>;
export type Contract = z.infer<typeof ContractDto>;
export type Device = z.infer<typeof DeviceDto>;
export type User = z.infer<typeof UserDto>;
export type CustomerSummary = z.infer<typeof CustomerSummaryDto>;
export type CustomerTicketStats = z.infer<typeof CustomerTicketStatsDto>;
export type DeviceSummary = z.infer<typeof DeviceSummaryDto>;
export type TicketLink = z.infer<typeof TicketLinkDto>;
export type LinkKind = (typeof LINK_KINDS)[number];
export type MergeResult = z.infer<typeof MergeResultDto>;
export type Team = z.infer<typeof TeamDto>;
export type { FieldDefinition, FormDefinition };
export type Page<T> = { items: T[]; nextCursor: string | null };
