/**
 * Whether text is an IP address as Go's `net.ParseIP` (k8s.io/utils `ParseIPSloppy`) reads it:
 * dotted-quad IPv4 (leading zeros allowed, as the sloppy parser does) or IPv6, optionally with
 * an embedded IPv4 tail. No zone (`%eth0`), no brackets, no CIDR suffix.
 */
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function isIpv4(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}

function groupsOf(part: string): string[] | undefined {
  if (part === '') return [];
  const groups = part.split(':');
  return groups.every((group) => group !== '') ? groups : undefined;
}

export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return false;
  const all = halves.length === 2 ? [...head, ...tail] : head;
  let slots = 0;
  for (const [index, group] of all.entries()) {
    if (index === all.length - 1 && group.includes('.')) {
      if (!isIpv4(group)) return false;
      slots += 2;
    } else if (HEX_GROUP.test(group)) {
      slots += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? slots <= 7 : slots === 8;
}

export function isIpAddress(text: string): boolean {
  return text.includes(':') ? isIpv6(text) : isIpv4(text);
}

export const INVALID_IP_DETAIL = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
