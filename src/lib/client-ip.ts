/**
 * The caller's address as Cloudflare's edge reports it. In production the edge
 * sets CF-Connecting-IP and overwrites any value a client sends; in local
 * development (and tests) it is whatever the client says, which is the point
 * there: each test names its own address.
 */
export const clientIp = (header: string | undefined) => header?.trim() || "unknown";
