import { z } from 'zod';
import { ROBOT_KINDS } from '@gongdan/domain/notify/robot-message';

/**
 * Chat-robot connections (WeCom group robot, DingTalk custom robot, Feishu custom bot). The
 * signing secret and the webhook's own key are write-only: answers carry `hasSecret` and a
 * masked URL, never the secret.
 */
export const ChatRobotKind = z.enum(ROBOT_KINDS);

export const ChatRobotDto = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: ChatRobotKind,
    /** The webhook URL with its key/token masked, e.g. …/send?key=****9f3a. */
    webhookUrl: z.string(),
    hasSecret: z.boolean(),
    teamId: z.string().nullable(),
    policyId: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChatRobot' });

const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(1000);

export const CreateChatRobotBody = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  kind: ChatRobotKind,
  webhookUrl: url,
  /** DingTalk "SEC…" secret or Feishu signing secret; omit when the robot does not sign. */
  secret: z.string().trim().min(1).max(200).nullable().optional(),
  teamId: z.string().max(64).nullable().optional(),
  policyId: z.string().max(64).nullable().optional(),
  enabled: z.boolean().default(true),
});

export const UpdateChatRobotBody = z.object({
  name: z.string().trim().min(1, 'required').max(100).optional(),
  webhookUrl: url.optional(),
  /** A new secret replaces the old one; null removes it; omitted keeps it. */
  secret: z.string().trim().min(1).max(200).nullable().optional(),
  teamId: z.string().max(64).nullable().optional(),
  policyId: z.string().max(64).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const TestMessageBody = z.object({
  text: z.string().trim().min(1).max(500).default('工单系统测试消息 / Gongdan test message'),
});

export const TestMessageAccepted = z.object({ messageId: z.string(), robotId: z.string() }).meta({ id: 'ChatRobotTestAccepted' });

export const ChatRobotDeliveryDto = z
  .object({
    id: z.string(),
    messageId: z.string(),
    attempt: z.number().int(),
    status: z.enum(['sending', 'sent', 'failed']),
    httpStatus: z.number().int().nullable(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    sentAt: z.string(),
  })
  .meta({ id: 'ChatRobotDelivery' });
