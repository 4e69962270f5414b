import { TargetStartError } from '../contract/validator.js';
import { RateLimitedError, TransportError, type XrpcClient } from './client.js';
import { isJsonContentType } from './evidence.js';

/*
 * Before any login: is there a PDS at this URL? describeServer is the lexicon endpoint every PDS
 * serves without auth; `_health` (reference PDS only) may add the version. Failing here is a
 * TargetStartError (exit code 3) with one clear line, and no credential has been sent.
 */

export interface ServerInfo {
  /** The service DID from describeServer. */
  readonly did: string;
  readonly version?: string;
}

export const DESCRIBE_SERVER = 'com.atproto.server.describeServer';
export const HEALTH = '_health';

export async function probeServer(client: XrpcClient): Promise<ServerInfo> {
  let ex: Awaited<ReturnType<XrpcClient['call']>>;
  try {
    ex = await client.call({ method: 'GET', nsid: DESCRIBE_SERVER });
  } catch (err) {
    if (err instanceof TransportError) {
      throw new TargetStartError(`cannot reach ${client.baseUrl}: ${err.message}`);
    }
    if (err instanceof RateLimitedError) {
      throw new TargetStartError(`${client.baseUrl} is rate-limiting this client: ${err.message}`);
    }
    throw err;
  }
  const { status, contentType, json } = ex.response;
  const body = json as { did?: unknown } | undefined;
  if (
    status !== 200 ||
    !isJsonContentType(contentType) ||
    typeof body !== 'object' ||
    body === null ||
    typeof body.did !== 'string'
  ) {
    const type = contentType === undefined ? 'no content type' : contentType.split(';')[0];
    throw new TargetStartError(
      `${client.baseUrl} does not look like a PDS: GET /xrpc/${DESCRIBE_SERVER} answered ${status} (${type}) without a service did`,
    );
  }
  return { did: body.did, ...(await healthVersion(client)) };
}

async function healthVersion(client: XrpcClient): Promise<{ version?: string }> {
  try {
    const ex = await client.call({ method: 'GET', nsid: HEALTH });
    const version = (ex.response.json as { version?: unknown } | undefined)?.version;
    return typeof version === 'string' ? { version } : {};
  } catch {
    return {};
  }
}
