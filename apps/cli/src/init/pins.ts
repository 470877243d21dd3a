import { embeddedPins, type ActionPin, type PinMap } from '@slsa-kit/generator';

/**
 * Pins for `actions`: the embedded database offline (no network, no Octokit loaded), or each
 * action's newest release resolved on GitHub with `--online`.
 */
export async function resolvePins(actions: readonly string[], online: boolean, env: NodeJS.ProcessEnv): Promise<PinMap> {
  if (!online) return embeddedPins(actions);
  const { createPinService } = await import('@slsa-kit/core/pins');
  const service = createPinService({ online: true, env });
  const pins = new Map<string, ActionPin>();
  for (const action of actions) {
    const pin = await service.pin(action);
    pins.set(action, { sha: pin.sha, tag: pin.tag ?? pin.ref, byTag: pin.referenceByTag });
  }
  return pins;
}
