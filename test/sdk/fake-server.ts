/** A scripted stand-in for Payrelay: answers in order, records what the SDK sent. */
export function scripted(replies: Response[]) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  return {
    requests,
    bodies,
    fetch: async (request: Request) => {
      requests.push(request);
      bodies.push(await request.text());
      const reply = replies.shift();
      if (!reply) throw new Error(`unscripted ${request.method} ${request.url}`);
      return reply;
    },
  };
}

/** A problem+json answer as Payrelay sends one. */
export function problemReply(status: number, code: string, headers: Record<string, string> = {}, detail = `A ${code}.`) {
  return new Response(JSON.stringify({ type: `/docs#problem-${code}`, title: code, status, detail, code }), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
