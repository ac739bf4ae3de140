import { describe, expect, it } from 'vitest';

import { areaAround, browserOf, distanceMeters, isInside, placeOf } from './location';

const DOM = { latitude: 52.0907, longitude: 5.1214, accuracy: 30 };

describe('distances and approved areas', () => {
  it('measures one degree of latitude as about 111 km', () => {
    const north = { latitude: 53.0907, longitude: 5.1214 };

    expect(distanceMeters(DOM, north)).toBeGreaterThan(111_000);
    expect(distanceMeters(DOM, north)).toBeLessThan(111_400);
  });

  it('measures Utrecht to Amersfoort as about 20 km', () => {
    const amersfoort = { latitude: 52.1561, longitude: 5.3878 };

    expect(Math.round(distanceMeters(DOM, amersfoort) / 1000)).toBe(20);
  });

  it('makes an area at least 200 m and at most 1 km wide', () => {
    expect(areaAround(DOM).radiusMeters).toBe(200);
    expect(areaAround({ ...DOM, accuracy: 640 }).radiusMeters).toBe(640);
    expect(areaAround({ ...DOM, accuracy: 2500 }).radiusMeters).toBe(1000);
  });

  it('counts a position on the edge as inside and one just past it as outside', () => {
    const area = areaAround(DOM);
    const metresPerDegree = distanceMeters(DOM, { latitude: 53.0907, longitude: 5.1214 });
    const at = (metres: number) => ({ ...DOM, latitude: DOM.latitude + metres / metresPerDegree });

    expect(isInside(area, at(199))).toBe(true);
    expect(isInside(area, at(201))).toBe(false);
  });
});

describe('what the companion shows about a sign-in', () => {
  it('names the local network and admits not knowing any other place', () => {
    expect(placeOf('10.1.2.3', 'en')).toBe('this network');
    expect(placeOf('192.168.0.8', 'nl')).toBe('dit netwerk');
    expect(placeOf('::ffff:127.0.0.1', 'en')).toBe('this network');
    expect(placeOf('fd00::1', 'en')).toBe('this network');
    expect(placeOf('172.32.0.1', 'en')).toBe('unknown location');
    expect(placeOf('145.97.1.1', 'nl')).toBe('onbekende plaats');
    expect(placeOf(null, 'en')).toBe('unknown location');
  });

  it('describes common browsers by name and system', () => {
    const edge =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
      'Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
    const safari =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 ' +
      '(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

    expect(browserOf(edge, 'en')).toBe('Edge on Windows');
    expect(browserOf(safari, 'nl')).toBe('Safari op iOS');
    expect(browserOf(firefox, 'en')).toBe('Firefox on Linux');
    expect(browserOf('', 'en')).toBe('unknown browser');
  });
});
