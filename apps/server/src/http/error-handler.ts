import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, localiseIssues } from './problem.ts';
import { issuesFromSchema } from './validation-errors.ts';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** One place turns every failure into problem+json; stack traces never reach the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const problem = toProblem(error, req.log);
    if (problem.status === 401 && req.url.startsWith('/api/')) reply.header('www-authenticate', 'Bearer realm="gongdan"');
    return reply.code(problem.status).type(PROBLEM_TYPE).send(problem.toBody(req.locale ?? 'zh-CN', req.url.split('?')[0]));

    function toProblem(e: FastifyError, log: typeof req.log): HttpProblem {
      if (e instanceof HttpProblem) return e;
      if (hasZodFastifySchemaValidationErrors(e)) {
        const issues = issuesFromSchema(e.validation as never, e.validationContext ?? 'body');
        return new HttpProblem(422, 'validation_failed', { zh: '提交的内容有误，请按提示修改', en: 'Some fields need attention' }, {
          errors: localiseIssues(issues, req.locale ?? 'zh-CN'),
        });
      }
      switch (e.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
        case 'FST_REQ_FILE_TOO_LARGE':
        case 'FST_PARTS_LIMIT':
        case 'FST_FILES_LIMIT':
          return new HttpProblem(413, 'payload_too_large', { zh: '请求内容过大', en: 'The request is too large' }, { detail: e.message });
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
          return new HttpProblem(415, 'unsupported_media_type', { zh: '不支持的内容类型', en: 'Unsupported content type' }, {
            detail: 'send application/json (or multipart/form-data for uploads)',
          });
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
          return new HttpProblem(400, 'malformed_json', { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' }, { detail: e.message });
        default:
          break;
      }
      if (e.statusCode === 400 && e instanceof SyntaxError) {
        return new HttpProblem(400, 'malformed_json', { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' }, { detail: e.message });
      }
      if (e.statusCode === 429) return new HttpProblem(429, 'rate_limited', { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' });
      if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
        return new HttpProblem(e.statusCode, 'validation_failed', { zh: '请求无效', en: 'Bad request' }, { detail: e.message });
      }
      log.error({ err: e }, 'unhandled error');
      return new HttpProblem(500, 'internal_error', { zh: '服务器内部错误，已记录，请稍后重试', en: 'Internal error; it was logged, please retry later' });
    }
  });

  app.setNotFoundHandler((req, reply) => {
    const p = new HttpProblem(404, 'not_found', { zh: '资源不存在', en: 'Not found' }, { detail: `${req.method} ${req.url.split('?')[0]}` });
    return reply.code(404).type(PROBLEM_TYPE).send(p.toBody(req.locale ?? 'zh-CN'));
  });
}
