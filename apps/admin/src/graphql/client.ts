import { type DocumentNode, print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** Where the session token lives between page loads (a bearer token the gateway issued). */
const TOKEN_KEY = 'qxg.token';

export function readToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function writeToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

export interface GraphQLErrorShape {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

/** A request the gateway answered with errors (or not at all). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  get unauthenticated(): boolean {
    return this.status === 401 || this.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
}

/** Called when the gateway says the session is gone: the app returns to the login page. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function authHeaders(): Record<string, string> {
  const token = readToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

function queryText(document: DocumentNode): string {
  return print(document);
}

/** Sends a typed document to the gateway's `/graphql` (same origin) and returns its data. */
export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] | [Variables] : [Variables]
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...authHeaders(),
      },
      body: JSON.stringify({ query: queryText(document), variables: variables ?? {} }),
    });
  } catch (cause) {
    throw new GraphQLRequestError('无法连接服务器,请检查网络后重试。', [{ message: String(cause) }], 0);
  }
  let body: { data?: Result | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(
      `服务器返回了无法识别的响应(HTTP ${response.status})。`,
      [],
      response.status,
    );
  }
  if (body.errors && body.errors.length > 0) {
    const error = new GraphQLRequestError(
      body.errors.map((e) => e.message).join(';'),
      body.errors,
      response.status,
    );
    if (error.unauthenticated) onUnauthenticated();
    throw error;
  }
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(`请求失败(HTTP ${response.status})。`, [], response.status);
  }
  return body.data;
}

/** Downloads a file from the gateway with the session's token, saving it under `fallbackName`. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) throw new Error(`下载失败(HTTP ${response.status})。`);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  saveBlob(blob, name);
}

export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
