import { ASN1Obj, type X509Certificate } from '@sigstore/core';

/** Fulcio's OID arc for OIDC claims (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
const FULCIO = '1.3.6.1.4.1.57264.1';

/**
 * The identity claims a Fulcio certificate carries. Values come from the certificate that
 * `@sigstore/verify` checked; each `*Legacy` OID (1.1–1.6, raw bytes) must agree with its
 * DER-encoded successor (1.8+) when both are present, or the identity is rejected.
 */
export interface CertificateIdentity {
  /** SAN: the workflow URI `https://github.com/O/R/.github/workflows/W@REF`, or an e-mail. */
  readonly subjectAlternativeName?: string;
  /** 1.8 (1.1): OIDC issuer. */
  readonly issuer?: string;
  /** 1.20 (1.2): the event that triggered the build. */
  readonly buildTrigger?: string;
  /** 1.13 (1.3): commit of the source repository. */
  readonly sourceRepositoryDigest?: string;
  /** 1.12: `https://github.com/O/R`. */
  readonly sourceRepositoryUri?: string;
  /** `O/R`, from 1.12 (or 1.5 on old certificates). */
  readonly sourceRepository?: string;
  /** 1.14 (1.6): the triggering ref. */
  readonly sourceRepositoryRef?: string;
  /** 1.15, 1.17: repository and owner ids. */
  readonly sourceRepositoryId?: string;
  readonly sourceRepositoryOwnerId?: string;
  /** 1.9: Build Signer URI (the reusable workflow that signed) and 1.10 its digest. */
  readonly buildSignerUri?: string;
  readonly buildSignerDigest?: string;
  /** 1.11: `github-hosted` or `self-hosted`. */
  readonly runnerEnvironment?: string;
  /** 1.18: the top-level (caller) workflow, 1.19 its digest. */
  readonly buildConfigUri?: string;
  readonly buildConfigDigest?: string;
  /** 1.21: `https://github.com/O/R/actions/runs/ID/attempts/N`. */
  readonly runInvocationUri?: string;
  /** Disagreements between legacy and current claims; non-empty means the identity is unusable. */
  readonly conflicts: readonly string[];
}

function rawExtension(cert: X509Certificate, n: number): string | undefined {
  const ext = cert.extension(`${FULCIO}.${n}`);
  return ext ? ext.value.toString('utf8') : undefined;
}

function derExtension(cert: X509Certificate, n: number): string | undefined {
  const ext = cert.extension(`${FULCIO}.${n}`);
  if (!ext) return undefined;
  // 1.8 onwards is a DER UTF8String inside the extension's OCTET STRING. A value that does not
  // parse is reported as unreadable rather than guessed at.
  try {
    return ASN1Obj.parseBuffer(Buffer.from(ext.value)).value.toString('utf8');
  } catch {
    return '\u0000unreadable';
  }
}

/** Reads the Fulcio identity claims of a (verified) signing certificate. */
export function readCertificateIdentity(cert: X509Certificate): CertificateIdentity {
  const conflicts: string[] = [];
  const pick = (legacy: number, current: number, label: string): string | undefined => {
    const a = rawExtension(cert, legacy);
    const b = derExtension(cert, current);
    if (a !== undefined && b !== undefined && a !== b) conflicts.push(`${label}: "${a}" != "${b}"`);
    return b ?? a;
  };
  const issuer = pick(1, 8, 'issuer');
  const buildTrigger = pick(2, 20, 'build trigger');
  const sourceRepositoryDigest = pick(3, 13, 'source digest');
  const sourceRepositoryRef = pick(6, 14, 'source ref');
  const legacyRepo = rawExtension(cert, 5);
  const sourceRepositoryUri = derExtension(cert, 12);
  if (legacyRepo !== undefined && sourceRepositoryUri !== undefined && `https://github.com/${legacyRepo}` !== sourceRepositoryUri) {
    conflicts.push(`source repository: "${legacyRepo}" != "${sourceRepositoryUri}"`);
  }
  const sourceRepository = sourceRepositoryUri?.startsWith('https://github.com/')
    ? sourceRepositoryUri.slice('https://github.com/'.length)
    : (legacyRepo ?? sourceRepositoryUri);
  const san = cert.extSubjectAltName;
  const subjectAlternativeName = san?.uri ?? san?.rfc822Name;
  const opt = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    conflicts,
    ...opt('subjectAlternativeName', subjectAlternativeName),
    ...opt('issuer', issuer),
    ...opt('buildTrigger', buildTrigger),
    ...opt('sourceRepositoryDigest', sourceRepositoryDigest),
    ...opt('sourceRepositoryUri', sourceRepositoryUri),
    ...opt('sourceRepository', sourceRepository),
    ...opt('sourceRepositoryRef', sourceRepositoryRef),
    ...opt('sourceRepositoryId', derExtension(cert, 15)),
    ...opt('sourceRepositoryOwnerId', derExtension(cert, 17)),
    ...opt('buildSignerUri', derExtension(cert, 9)),
    ...opt('buildSignerDigest', derExtension(cert, 10)),
    ...opt('runnerEnvironment', derExtension(cert, 11)),
    ...opt('buildConfigUri', derExtension(cert, 18)),
    ...opt('buildConfigDigest', derExtension(cert, 19)),
    ...opt('runInvocationUri', derExtension(cert, 21)),
  };
}
