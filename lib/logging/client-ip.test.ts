import { describe, expect, it } from "vitest";
import { clientIpFrom, truncateIp } from "./client-ip";

describe("SEC-28 IP shortening", () => {
  it("keeps a /24 of IPv4 and a /48 of IPv6", () => {
    expect(truncateIp("203.0.113.77")).toBe("203.0.113.0");
    expect(truncateIp("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3::");
    expect(truncateIp("2001:db8::1")).toBe("2001:db8:0::");
    expect(truncateIp("::ffff:198.51.100.23")).toBe("198.51.100.0");
    expect(truncateIp("not an ip")).toBe("unknown");
  });

  it("believes only the entries trusted proxies appended, shortened unless asked to keep it", () => {
    // The client wrote 203.0.113.9 itself; our one proxy appended the address it saw.
    const h = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.23" });
    expect(clientIpFrom(h, { hops: 1 })).toBe("198.51.100.0");
    expect(clientIpFrom(h, { keepFull: true, hops: 1 })).toBe("198.51.100.23");
    // Two proxies: the outer one's entry is the client.
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.1.1.1, 198.51.100.23, 10.0.0.5" }), { keepFull: true, hops: 2 })).toBe("198.51.100.23");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "198.51.100.23" }), { keepFull: true, hops: 0 })).toBe("198.51.100.23");
    expect(clientIpFrom(new Headers())).toBe("unknown");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "<script>" }))).toBe("unknown");
  });
});
