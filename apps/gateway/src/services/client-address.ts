/** The parts of a node request the client address is read from (yoga's node adapter passes `req`). */
export interface NodeRequestLike {
  readonly socket?: { readonly remoteAddress?: string | undefined } | undefined;
}

/**
 * The client's address, for login throttling and the audit of failed logins. Without a trusted
 * proxy it is the TCP peer; with `trustProxy` (`QXG_TRUST_PROXY=1`) it is the LAST entry of
 * `X-Forwarded-For`: the address the proxy itself saw (entries to its left come from the client and
 * can be forged). Null when neither is known (in-process requests).
 */
export function clientAddressOf(
  request: Request,
  req: NodeRequestLike | undefined,
  trustProxy: boolean,
): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .at(-1);
    if (last) return last.slice(0, 64);
  }
  const peer = req?.socket?.remoteAddress;
  // IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d.
  return peer ? peer.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') : null;
}
