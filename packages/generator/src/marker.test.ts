import { describe, expect, it } from 'vitest';
import { bodyDigest, findMarker, formatMarker, isUnedited } from './marker.js';

const BODY = 'name: Release\non: push\n';
const file = (body = BODY) => `# header\n${formatMarker([['ecosystem', 'python'], ['publish', 'pypi']], body)}\n${body}`;

describe('marker', () => {
  it('round-trips the fields and the digest', () => {
    const found = findMarker(file());
    expect(found?.body).toBe(BODY);
    expect([...found!.marker.fields]).toEqual([['ecosystem', 'python'], ['publish', 'pypi']]);
    expect(found?.marker.digest).toBe(bodyDigest(BODY));
  });

  it('detects a hand edit anywhere below the marker', () => {
    expect(isUnedited(file())).toBe(true);
    expect(isUnedited(file().replace('on: push', 'on: pull_request'))).toBe(false);
    expect(isUnedited(`${file()}# appended\n`)).toBe(false);
  });

  it('does not see a marker in files slsa-init did not write', () => {
    expect(findMarker(BODY)).toBeUndefined();
    expect(isUnedited(BODY)).toBe(false);
    // A marker-like line deep in a file is a quotation, not slsa-init's header.
    expect(findMarker(`${'#\n'.repeat(10)}# slsa-init: ecosystem=go digest=x\n`)).toBeUndefined();
  });
});
