/**
 * The SLA administration API (calendars, policy grid, chat robots, coverage) as typed calls and
 * TanStack Query hooks. Types are inferred from the zod contracts the server validates with.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarDto, CalendarExceptionSchema, CoverageDto, EscalationLevelSchema, MonthDayDto, SlaPolicyDto } from '@gongdan/contracts/sla';
import type { ChatRobotDeliveryDto, ChatRobotDto, CreateChatRobotBody, UpdateChatRobotBody } from '@gongdan/contracts/chat-robots';
import { api } from '../../../lib/api.ts';

export type Calendar = z.infer<typeof CalendarDto>;
export type CalendarException = z.infer<typeof CalendarExceptionSchema>;
export type Segment = Calendar['weekly'][number][number];
export type MonthDay = z.infer<typeof MonthDayDto>;
export type Coverage = z.infer<typeof CoverageDto>;
export type SlaPolicy = z.infer<typeof SlaPolicyDto>;
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;
export type ChatRobot = z.infer<typeof ChatRobotDto>;
export type RobotDelivery = z.infer<typeof ChatRobotDeliveryDto>;
export type CreateRobot = z.input<typeof CreateChatRobotBody>;
export type UpdateRobot = z.input<typeof UpdateChatRobotBody>;
export type CalendarPatch = Partial<Pick<Calendar, 'name' | 'weekly' | 'exceptions' | 'timeZone'>> & { version: number };
export type PolicyInput = Omit<SlaPolicy, 'id' | 'updatedAt'>;

const { get, post, request } = api.raw;
const enc = encodeURIComponent;

export const slaApi = {
  coverage: () => get<Coverage>('/api/v1/sla/coverage'),
  calendars: () => get<{ items: Calendar[] }>('/api/v1/calendars'),
  month: (id: string, year: number, month: number) => get<{ days: MonthDay[] }>(`/api/v1/calendars/${enc(id)}/month`, { year, month }),
  updateCalendar: (id: string, body: CalendarPatch) => request<Calendar>('PUT', `/api/v1/calendars/${enc(id)}`, { body }),
  importYear: (id: string, body: { version: number; year: number; text: string; replaceYear: boolean }) => post<Calendar>(`/api/v1/calendars/${enc(id)}/import`, body),
  policies: () => get<{ items: SlaPolicy[] }>('/api/v1/sla/policies'),
  updatePolicy: (id: string, body: PolicyInput) => request<SlaPolicy>('PUT', `/api/v1/sla/policies/${enc(id)}`, { body }),
  robots: () => get<{ items: ChatRobot[] }>('/api/v1/chat-robots'),
  createRobot: (body: CreateRobot) => post<ChatRobot>('/api/v1/chat-robots', body),
  updateRobot: (id: string, body: UpdateRobot) => request<ChatRobot>('PATCH', `/api/v1/chat-robots/${enc(id)}`, { body }),
  deleteRobot: (id: string) => request<void>('DELETE', `/api/v1/chat-robots/${enc(id)}`),
  testRobot: (id: string) => post<{ messageId: string; robotId: string }>(`/api/v1/chat-robots/${enc(id)}/test`, {}),
  deliveries: (id: string) => get<{ items: RobotDelivery[] }>(`/api/v1/chat-robots/${enc(id)}/deliveries`, { limit: 20 }),
};

export const slaKeys = {
  all: ['sla-admin'] as const,
  coverage: ['sla-admin', 'coverage'] as const,
  calendars: ['sla-admin', 'calendars'] as const,
  month: (id: string, year: number, month: number) => ['sla-admin', 'calendars', id, 'month', year, month] as const,
  policies: ['sla-admin', 'policies'] as const,
  robots: ['sla-admin', 'robots'] as const,
};

export const useCoverage = () => useQuery({ queryKey: slaKeys.coverage, queryFn: slaApi.coverage });
export const useCalendars = () => useQuery({ queryKey: slaKeys.calendars, queryFn: async () => (await slaApi.calendars()).items });
export const useMonth = (id: string | undefined, year: number, month: number) => useQuery({
  queryKey: slaKeys.month(id ?? '', year, month), queryFn: async () => (await slaApi.month(id ?? '', year, month)).days, enabled: !!id,
});
export const usePolicies = () => useQuery({ queryKey: slaKeys.policies, queryFn: async () => (await slaApi.policies()).items });
export const useRobots = () => useQuery({ queryKey: slaKeys.robots, queryFn: async () => (await slaApi.robots()).items });

/** The editable body of a policy (what PUT takes) from what GET returned. */
export function policyInput(p: SlaPolicy): PolicyInput {
  const { id: _id, updatedAt: _at, ...rest } = p;
  return rest;
}
