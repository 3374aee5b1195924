import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { registerAccessControl } from './access.ts';
import { registerErrorHandling } from './error-handler.ts';
import { registerIdempotency } from './idempotency.ts';
import './fastify-types.ts';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { registerTicketRoutes } from '../tickets/ticket.routes.ts';
import { registerCommentRoutes } from '../tickets/comment.routes.ts';
import { registerAdminChangeRoutes } from '../admin-changes/admin-change.routes.ts';
import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerCustomerRoutes } from '../customers/customer.routes.ts';
import { registerUserRoutes } from '../users/user.routes.ts';
import { registerAttachmentRoutes } from '../attachments/attachment.routes.ts';
import { registerEventRoutes } from '../events/event.routes.ts';
import { registerDefinitionRoutes } from '../definitions/definition.routes.ts';
import { registerWebhookRoutes } from '../webhooks/webhook.routes.ts';
import { registerCalendarRoutes } from '../sla/calendar.routes.ts';
import { registerSlaRoutes } from '../sla/sla.routes.ts';
import { registerNoteRoutes } from '../notes/note.routes.ts';
import { registerCustomerInsightRoutes } from '../customers/customer-insights.routes.ts';
import { registerExportRoutes } from '../exports/export.routes.ts';
import { registerAdminRoutes } from '../users/admin.routes.ts';
import { registerSavedViewRoutes } from '../tickets/saved-view.routes.ts';
import { registerTicketLinkRoutes } from '../tickets/ticket-link.routes.ts';
import { registerChatRobotRoutes } from '../chat-robots/chat-robot.routes.ts';
import { registerNotificationRoutes } from '../notifications/notification.routes.ts';
import { registerNameplateRoutes } from '../nameplates/nameplate.routes.ts';
import { registerConfirmationRoutes } from '../confirmations/confirmation.routes.ts';
import { registerSimilarRoutes } from '../similar/similar.routes.ts';
import { registerKnowledgeRoutes } from '../knowledge/knowledge.routes.ts';
import { registerStaticWeb } from './static-web.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { withProblemMediaType } from './openapi-document.ts';
import { registerFieldRoutes } from '../field/field.routes.ts';
import { registerSopRoutes } from '../field/sop.routes.ts';
import { registerPartRoutes } from '../parts/parts.routes.ts';
import { registerWarehouseRoutes } from '../warehouses/warehouse.routes.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app. Routes are thin: validate (contracts) → authorize (access hook) → use case → present. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON (and multipart for uploads); Fastify's default text/plain parser would turn a
  // text body into a string that then fails validation as 422 instead of answering 415.
  app.removeContentTypeParser('text/plain');
  // Responses are explicit DTOs built by presenters; plain JSON keeps the hot path fast. Encoded to
  // UTF-8 once, here: handed a string, Fastify would scan it for Content-Length (Buffer.byteLength,
  // slow on the two-byte strings Chinese text makes) and the socket write would encode it again.
  app.setSerializerCompiler(() => (data) => Buffer.from(JSON.stringify(data)) as unknown as string);
  // First, so every route below (plugins' own contexts included) inherits the baseline headers.
  registerSecurityHeaders(app, { publicUrl: ctx.config.publicUrl, docsPrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gongdan 工单 API', version: '1.0.0', description: 'Service work orders: tickets, customers, workflow, audit. Errors are RFC 9457 problem+json.' },
      servers: [{ url: ctx.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', validatorUrl: null } });
  registerErrorHandling(app);
  registerAccessControl(app, ctx);
  registerIdempotency(app, ctx);

  let openapiDocument: unknown;
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => {
    openapiDocument ??= withProblemMediaType(app.swagger() as { paths?: Record<string, Record<string, unknown>> });
    return openapiDocument;
  });
  app.get('/api/health', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ ok: true }));
  for (const register of [
    registerAuthRoutes, registerTicketRoutes, registerCommentRoutes, registerAuditRoutes, registerAdminChangeRoutes, registerCustomerRoutes,
    registerUserRoutes, registerAttachmentRoutes, registerEventRoutes, registerDefinitionRoutes, registerWebhookRoutes,
    registerCalendarRoutes, registerSlaRoutes, registerNoteRoutes,
    registerCustomerInsightRoutes, registerExportRoutes,
    registerChatRobotRoutes, registerNotificationRoutes, registerTicketLinkRoutes, registerSavedViewRoutes, registerAdminRoutes,
    registerNameplateRoutes,
    registerConfirmationRoutes,
    registerFieldRoutes, registerSopRoutes, registerPartRoutes, registerWarehouseRoutes,
    registerSimilarRoutes, registerKnowledgeRoutes,
  ]) {
    register(app, ctx);
  }
  await registerStaticWeb(app);
  return app;
}
