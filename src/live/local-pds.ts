import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The reference PDS (@atproto/pds) with an in-memory did:plc directory (@did-plc/server), both
 * bound to 127.0.0.1 only. Both libraries call `app.listen(port)` on every interface, so this
 * module creates the http.Server itself and hands it the express app. The packages are dev
 * dependencies: they are imported lazily, and their absence is a LocalPdsUnavailableError.
 */

/** Thrown when the reference PDS packages are not installed (a production install). */
export class LocalPdsUnavailableError extends Error {
  override readonly name = 'LocalPdsUnavailableError';
}

export interface LocalPds {
  /** `http://127.0.0.1:<port>`, where it listens (its service DID is did:web:localhost). */
  readonly url: string;
  /** The throwaway account: a `.test` handle and a random password that never leaves the process. */
  readonly handle: string;
  readonly email: string;
  readonly password: string;
  /** The fresh temp directory holding its databases; deleted by `stop`. */
  readonly dataDir: string;
  /** The @atproto/pds version (also served by `/xrpc/_health`). */
  readonly version: string | undefined;
  /** Stops both servers and deletes the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalPdsOptions {
  /** Turn on the reference createSession rate limits (30 per 5 min per identifier). */
  readonly rateLimits?: boolean;
  /** Serve the didDoc in session responses (PDS_ENABLE_DID_DOC_WITH_SESSION). */
  readonly didDocWithSession?: boolean;
}

// The minimal surface of the two packages used here, so nothing of their types leaks out.
interface PdsInstance {
  readonly app: RequestListener;
  readonly ctx: { readonly sequencer: { start(): Promise<void> } };
  destroy(): Promise<void>;
}
interface PdsModule {
  PDS: { create(cfg: unknown, secrets: unknown): Promise<PdsInstance> };
  envToCfg(env: Record<string, unknown>): unknown;
  envToSecrets(env: Record<string, unknown>): unknown;
}
interface PlcModule {
  Database: { mock(): unknown };
  PlcServer: { create(opts: { db: unknown; port?: number }): { app: RequestListener } };
}
interface CryptoModule {
  Secp256k1Keypair: {
    create(opts: { exportable: boolean }): Promise<{ export(): Promise<Uint8Array> }>;
  };
}

const DEV_DEPENDENCIES = ['@atproto/pds', '@did-plc/server', '@atproto/crypto'];

function installedVersion(name: string): string | undefined {
  try {
    const pkg = createRequire(import.meta.url)(`${name}/package.json`) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** Imports a dev dependency; a missing one is a LocalPdsUnavailableError. */
export async function importDevDependency<T>(name: string): Promise<T> {
  try {
    const mod = (await import(name)) as T & { default?: T };
    // CommonJS packages arrive with their exports on `default` under some loaders.
    return (mod.default as T | undefined) ?? mod;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new LocalPdsUnavailableError(
        `--local needs the dev dependencies (${DEV_DEPENDENCIES.join(', ')}); install them with npm install --include=dev`,
      );
    }
    throw err;
  }
}

/** An http.Server listening on 127.0.0.1 with an ephemeral port; the app is attached later. */
async function listenLoopback(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

function secret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Starts the PLC directory and the PDS on 127.0.0.1 in a fresh temp directory and creates one
 * throwaway account. On any failure everything started so far is stopped and deleted again.
 */
export async function startLocalPds(opts: LocalPdsOptions = {}): Promise<LocalPds> {
  const [pdsMod, plcMod, cryptoMod] = [
    await importDevDependency<PdsModule>('@atproto/pds'),
    await importDevDependency<PlcModule>('@did-plc/server'),
    await importDevDependency<CryptoModule>('@atproto/crypto'),
  ];
  const cleanups: (() => Promise<void>)[] = [];
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        // Best effort: keep stopping the rest.
      }
    }
  };
  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'atproto-conformance-pds-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const plcHttp = await listenLoopback();
    cleanups.push(() => closeServer(plcHttp.server));
    const plc = plcMod.PlcServer.create({ db: plcMod.Database.mock(), port: plcHttp.port });
    plcHttp.server.on('request', plc.app);

    const pdsHttp = await listenLoopback();
    cleanups.push(() => closeServer(pdsHttp.server));
    const rotationKey = await cryptoMod.Secp256k1Keypair.create({ exportable: true });
    const version = installedVersion('@atproto/pds');
    const env = {
      ...(version === undefined ? {} : { version }),
      devMode: true,
      hostname: 'localhost',
      port: pdsHttp.port,
      dataDirectory: dataDir,
      blobstoreDiskLocation: join(dataDir, 'blobs'),
      didPlcUrl: `http://127.0.0.1:${plcHttp.port}`,
      jwtSecret: secret(32),
      adminPassword: secret(32),
      plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString('hex'),
      inviteRequired: false,
      disableSsrfProtection: true,
      serviceHandleDomains: ['.test'],
      rateLimitsEnabled: opts.rateLimits === true,
      enableDidDocWithSession: opts.didDocWithSession === true,
      crawlers: [],
    };
    const pds = await pdsMod.PDS.create(pdsMod.envToCfg(env), pdsMod.envToSecrets(env));
    cleanups.push(() => pds.destroy());
    // What PDS.start() does, minus its listen() on every interface.
    await pds.ctx.sequencer.start();
    pdsHttp.server.keepAliveTimeout = 5_000;
    pdsHttp.server.on('request', pds.app);

    const url = `http://127.0.0.1:${pdsHttp.port}`;
    const name = `c${randomBytes(5).toString('hex')}`;
    const account = { handle: `${name}.test`, email: `${name}@example.com`, password: secret(24) };
    await createAccount(url, account);
    return { url, ...account, dataDir, version, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function createAccount(
  base: string,
  account: { handle: string; email: string; password: string },
): Promise<void> {
  const res = await fetch(`${base}/xrpc/com.atproto.server.createAccount`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) {
    // The body holds tokens on success only; an error body is safe to show.
    throw new Error(`the local PDS refused createAccount: ${res.status} ${await res.text()}`);
  }
  await res.body?.cancel();
}
