import { isIP } from 'node:net';

/** A position as the companion's browser reports it (Geolocation API), in degrees and metres. */
export interface Position {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export interface Area {
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
export const AREA_MIN_RADIUS_M = 200;
export const AREA_MAX_RADIUS_M = 1000;
/** A position rougher than this says too little to remember or to approve by. */
export const POSITION_MAX_ACCURACY_M = 1000;

/** The great-circle distance between two points in metres (haversine formula). */
export function distanceMeters(a: Omit<Area, 'radiusMeters'>, b: Omit<Area, 'radiusMeters'>) {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The area remembered around a position: at least 200 m, as wide as the fix is rough, ≤ 1 km. */
export function areaAround(position: Position): Area {
  const radius = Math.max(position.accuracy, AREA_MIN_RADIUS_M);
  return {
    latitude: position.latitude,
    longitude: position.longitude,
    radiusMeters: Math.round(Math.min(radius, AREA_MAX_RADIUS_M)),
  };
}

export function isInside(area: Area, position: Position): boolean {
  return distanceMeters(area, position) <= area.radiusMeters;
}

/** IPv4 ranges that never leave a site: private networks, loopback, link-local, CGNAT. */
const LOCAL_V4: Array<[number, number]> = [
  [0x0a000000, 8],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0x64400000, 10],
];

function inLocalV4(address: string): boolean {
  const value = address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  return LOCAL_V4.some(([base, bits]) => {
    const mask = (~0 << (32 - bits)) >>> 0;
    return (value & mask) >>> 0 === base;
  });
}

function isLocalAddress(ip: string): boolean {
  const address = ip.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  if (isIP(address) === 4) return inLocalV4(address);
  if (isIP(address) !== 6) return false;
  return address === '::1' || /^f[cd]/.test(address) || /^fe[89ab]/.test(address);
}

export type Language = 'nl' | 'en';

/**
 * Where a sign-in comes from, as far as this machine can tell. A country or city needs a GeoIP
 * database, which the desk does not ship; addresses of the local network are named as such.
 */
export function placeOf(ip: string | null | undefined, language: Language): string {
  const local = Boolean(ip && isLocalAddress(ip));
  if (language === 'nl') return local ? 'dit netwerk' : 'onbekende plaats';
  return local ? 'this network' : 'unknown location';
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A short description of the browser for the companion, such as "Chrome on Windows". */
export function browserOf(userAgent: string | null | undefined, language: Language): string {
  const agent = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (browser && system) return `${browser} ${language === 'nl' ? 'op' : 'on'} ${system}`;
  return browser ?? system ?? (language === 'nl' ? 'onbekende browser' : 'unknown browser');
}
