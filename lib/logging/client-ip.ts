import { isIP } from "node:net";

/**
 * SEC-28: an IP address can place a participant geographically. On public, applicant and
 * participant requests only a shortened address is ever written: IPv4 keeps its first three parts
 * (/24), IPv6 its first three groups (/48). Staff addresses are kept whole for the security log.
 */
export function truncateIp(ip: string): string {
  const kind = isIP(ip);
  if (kind === 4) return ip.split(".").slice(0, 3).concat("0").join(".");
  if (kind === 6) {
    const v4 = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
    if (v4) return truncateIp(v4[1]);
    const groups = expandIpv6(ip);
    return `${groups.slice(0, 3).join(":")}::`;
  }
  return "unknown";
}

function expandIpv6(ip: string): string[] {
  const [left, right] = ip.split("::");
  const l = left ? left.split(":") : [];
  const r = right !== undefined && right !== "" ? right.split(":") : [];
  const fill = ip.includes("::") ? Array(8 - l.length - r.length).fill("0") : [];
  return [...l, ...fill, ...r].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For (ACP_TRUSTED_PROXY_HOPS,
 * default 0). The client can write anything into that header, so only the entries our own proxies
 * added are believed: the client is the entry the outermost trusted proxy appended. With no proxy,
 * Next.js fills the header from the socket only when the client sent none: run production behind a
 * TLS-terminating proxy (SEC-06) and set the hop count, or addresses can be forged.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.ACP_TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** The client's address from the forwarding header, as the app may record it. */
export function clientIpFrom(headers: Headers, { keepFull = false, hops = trustedProxyHops() } = {}): string {
  const list = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = list[list.length - Math.max(hops, 1)] ?? "";
  if (!ip || !isIP(ip)) return "unknown";
  return keepFull ? ip : truncateIp(ip);
}
