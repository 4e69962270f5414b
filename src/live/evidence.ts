import type { Exchange } from '../report/model.js';
import type { Exchanged } from './client.js';
import { toCurl } from './curl.js';
import type { Redactor } from './redact.js';

/*
 * What a check looks at in a response, and how an exchange becomes report evidence. Only status
 * codes, content types and `error` names are judged; `message` texts never are.
 */

/** Bodies longer than this are cut in reports. */
const MAX_BODY_CHARS = 2_000;

export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase();
  return mime === 'application/json';
}

/**
 * What is wrong with an unsuccessful response as an XRPC error (JSON content type; a JSON object
 * with a string `error` that has no whitespace, and optionally a string `message`), or
 * undefined when nothing is.
 */
export function xrpcErrorProblem(ex: Exchanged): string | undefined {
  const { contentType, json, text } = ex.response;
  if (!isJsonContentType(contentType)) {
    return `Content-Type is ${contentType === undefined ? 'missing' : JSON.stringify(contentType)}, not application/json`;
  }
  if (json === undefined) return `the body is not JSON (${JSON.stringify(text.slice(0, 40))})`;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'the body is not a JSON object';
  }
  const { error, message } = json as Record<string, unknown>;
  if (typeof error !== 'string' || error.length === 0) return '`error` is not a non-empty string';
  if (/\s/.test(error)) return `\`error\` ${JSON.stringify(error)} contains whitespace`;
  if (message !== undefined && typeof message !== 'string') return '`message` is not a string';
  return undefined;
}

/** The `error` name of an XRPC error body, if it has one. */
export function errorName(ex: Exchanged): string | undefined {
  const body = ex.response.json;
  if (typeof body !== 'object' || body === null) return undefined;
  const { error } = body as Record<string, unknown>;
  return typeof error === 'string' ? error : undefined;
}

export function is2xx(status: number): boolean {
  return status >= 200 && status < 300;
}

export function is4xx(status: number): boolean {
  return status >= 400 && status < 500;
}

/** `status (error name)` for messages. */
export function describeResponse(ex: Exchanged): string {
  const name = errorName(ex);
  return name === undefined ? `${ex.response.status}` : `${ex.response.status} ${name}`;
}

function shownBody(text: string, json: unknown): unknown {
  if (json !== undefined) return json;
  if (text.length === 0) return undefined;
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… (cut)` : text;
}

/** A redacted report exchange, with a curl command that reproduces the request. */
export function toExchange(ex: Exchanged, redactor: Redactor): Exchange {
  const { request, response } = ex;
  const body = request.body === undefined ? undefined : shownBody(request.body, undefined);
  const requestBody =
    request.body === undefined ? undefined : (parseJsonOrUndefined(request.body) ?? body);
  const curlHeaders = Object.fromEntries(
    Object.entries(request.headers).filter(([k]) => k !== 'accept' && k !== 'user-agent'),
  );
  const responseBody = shownBody(response.text, response.json);
  return redactor.value({
    request: {
      method: request.method,
      url: request.url,
      ...(requestBody === undefined ? {} : { body: requestBody }),
    },
    response: {
      status: response.status,
      ...(response.contentType === undefined ? {} : { contentType: response.contentType }),
      ...(responseBody === undefined ? {} : { body: responseBody }),
    },
    curl: toCurl({ ...request, headers: curlHeaders }, redactor),
  });
}

function parseJsonOrUndefined(text: string): unknown {
  if (text.length > MAX_BODY_CHARS) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
