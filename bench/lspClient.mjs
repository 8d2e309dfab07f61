// A minimal LSP client over stdio for the benchmarks: spawns a server, answers the
// requests servers make of their client (configuration, capability registration) and
// lets the caller wait for the diagnostics that follow a change.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export class LspClient {
  /**
   * @param {string[]} command node arguments that start the server on stdio
   * @param {{ initializationOptions?: unknown, settings: Record<string, unknown> }} options
   */
  constructor(command, options) {
    this.startedAt = performance.now();
    this.child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.child.stdout),
      new rpc.StreamMessageWriter(this.child.stdin),
    );
    this.options = options;
    /** @type {Map<string, Array<(params: any) => void>>} */
    this.diagnosticWaiters = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const waiters = this.diagnosticWaiters.get(params.uri) ?? [];
      this.diagnosticWaiters.set(params.uri, []);
      for (const resolve of waiters) resolve(params);
    });
    this.connection.onNotification(() => undefined);
    this.connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => lookup(options.settings, item.section)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  async initialize() {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.options.settings });
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri) {
    return new Promise((resolve) => {
      const waiters = this.diagnosticWaiters.get(uri) ?? [];
      waiters.push(resolve);
      this.diagnosticWaiters.set(uri, waiters);
    });
  }

  open(uri, text, version = 1) {
    const published = this.nextDiagnostics(uri);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
    return published;
  }

  change(uri, version, contentChanges) {
    const published = this.nextDiagnostics(uri);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return published;
  }

  /** Peak resident set size of the server process, in MB (Linux). */
  peakRssMb() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** CPU time of the server process so far, user + system, in ms (Linux clock ticks of 10 ms): less disturbed by load than wall time. */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** Resident set size of the server process now, in MB (Linux). */
  rssMb() {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      void this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    await Promise.race([this.exited, delay(2000)]);
    this.child.kill();
    this.connection.dispose();
  }
}

function lookup(settings, section) {
  if (!section) return settings;
  let value = settings;
  for (const part of section.split('.')) value = value?.[part];
  return value ?? null;
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
