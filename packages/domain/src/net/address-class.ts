/**
 * Classifies an IP address literal for outbound-request policy (SSRF protection): webhooks and
 * chat robots must not be pointed at the server's own network unless an operator allows it.
 * Pure: takes the literal a resolver returned, knows nothing about DNS.
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link_local' | 'unspecified' | 'multicast' | 'reserved';

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function classifyV4([a, b]: number[]): AddressClass {
  const x = a ?? 0;
  const y = b ?? 0;
  if (x === 0) return 'unspecified';
  if (x === 127) return 'loopback';
  if (x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168)) return 'private';
  if (x === 100 && y >= 64 && y <= 127) return 'private'; // carrier-grade NAT
  if (x === 169 && y === 254) return 'link_local'; // includes cloud metadata 169.254.169.254
  if (x === 198 && (y === 18 || y === 19)) return 'reserved'; // benchmarking
  if (x >= 224 && x <= 239) return 'multicast';
  if (x >= 240) return 'reserved';
  return 'public';
}

/** Expands an IPv6 literal (without zone) into 8 hextets, or null when it is not one. */
function parseV6(text: string): number[] | null {
  let s = text.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.') && lastColon >= 0) {
    // A trailing dotted IPv4 part (::ffff:127.0.0.1) becomes its two hextets.
    const v4 = parseV4(s.slice(lastColon + 1));
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toNums = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = toNums(halves[0] ?? '');
  const rest = halves.length === 2 ? toNums(halves[1] ?? '') : [];
  if (!head || !rest) return null;
  const explicit = head.length + rest.length;
  if (halves.length === 1 && explicit !== 8) return null;
  if (halves.length === 2 && explicit > 7) return null;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
}

function classifyV6(h: number[]): AddressClass {
  const [h0 = 0, , , , , h5 = 0, h6 = 0, h7 = 0] = h;
  const allZeroUntil = (n: number) => h.slice(0, n).every((x) => x === 0);
  if (allZeroUntil(8)) return 'unspecified';
  if (allZeroUntil(7) && h7 === 1) return 'loopback';
  if (allZeroUntil(5) && h5 === 0xffff) return classifyV4([h6 >> 8, h6 & 0xff, h7 >> 8, h7 & 0xff]); // IPv4-mapped
  if (h0 === 0x64 && h[1] === 0xff9b) return classifyV4([h6 >> 8, h6 & 0xff, h7 >> 8, h7 & 0xff]); // NAT64
  if ((h0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((h0 & 0xffc0) === 0xfe80) return 'link_local';
  if ((h0 & 0xff00) === 0xff00) return 'multicast';
  if (h0 === 0x2001 && h[1] === 0x0db8) return 'reserved'; // documentation
  return 'public';
}

/** The class of an IP literal, or null when the text is not an IP address. */
export function classifyAddress(ip: string): AddressClass | null {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = parseV4(text);
  if (v4) return classifyV4(v4);
  const v6 = text.includes(':') ? parseV6(text) : null;
  return v6 ? classifyV6(v6) : null;
}
