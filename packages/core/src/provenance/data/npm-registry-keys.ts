/**
 * The npm registry keys that sign npm publish attestations, vendored for offline use.
 *
 * Origin: TUF target `registry.npmjs.org/keys.json` decoded from `seeds.json` in npm
 * `@sigstore/tuf@4.0.2` (Apache-2.0); copied from `shared/fixtures/sigstore-trust/registry.npmjs.org-keys.json`
 * (sha256 `160677eb6e1c7083c89b166b20f8fe4e837fb71181506aff1991b80b89184f7d`). `SHA256:jl3bws...` is valid until 2025-01-29, `SHA256:DhQ8wR5...` from 2025-01-13.
 */
export const NPM_REGISTRY_KEYS: unknown = {
  "keys": [
    {
      "keyId": "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA",
      "keyUsage": "npm:signatures",
      "publicKey": {
        "rawBytes": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==",
        "keyDetails": "PKIX_ECDSA_P256_SHA_256",
        "validFor": {
          "start": "1999-01-01T00:00:00.000Z",
          "end": "2025-01-29T00:00:00.000Z"
        }
      }
    },
    {
      "keyId": "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA",
      "keyUsage": "npm:attestations",
      "publicKey": {
        "rawBytes": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==",
        "keyDetails": "PKIX_ECDSA_P256_SHA_256",
        "validFor": {
          "start": "2022-12-01T00:00:00.000Z",
          "end": "2025-01-29T00:00:00.000Z"
        }
      }
    },
    {
      "keyId": "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U",
      "keyUsage": "npm:signatures",
      "publicKey": {
        "rawBytes": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEY6Ya7W++7aUPzvMTrezH6Ycx3c+HOKYCcNGybJZSCJq/fd7Qa8uuAKtdIkUQtQiEKERhAmE5lMMJhP8OkDOa2g==",
        "keyDetails": "PKIX_ECDSA_P256_SHA_256",
        "validFor": {
          "start": "2025-01-13T00:00:00.000Z"
        }
      }
    },
    {
      "keyId": "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U",
      "keyUsage": "npm:attestations",
      "publicKey": {
        "rawBytes": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEY6Ya7W++7aUPzvMTrezH6Ycx3c+HOKYCcNGybJZSCJq/fd7Qa8uuAKtdIkUQtQiEKERhAmE5lMMJhP8OkDOa2g==",
        "keyDetails": "PKIX_ECDSA_P256_SHA_256",
        "validFor": {
          "start": "2025-01-13T00:00:00.000Z"
        }
      }
    }
  ]
};
