// Types of serve.mjs, for the TypeScript test that opens the page in Chromium.

/** One response of the page's server: its path, status and body bytes as sent. */
export interface SentResponse {
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
  readonly gzip: boolean;
}

/** Serves examples/browser on 127.0.0.1 (port 0: any free port) and records what it sends. */
export function servePage(port?: number): Promise<{ url: string; sent: SentResponse[]; close: () => Promise<void> }>;
