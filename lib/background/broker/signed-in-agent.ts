/**
 * Whose token it is: the email of the Desk agent a token reads Desk as (myinfo), asked on the
 * portal in force or, between `Change portal` and `Save`, on the agent's default portal. A
 * silent renewal is accepted only for the agent who signed in.
 */
import type { DataCentreId } from '../../shared/data-centres';
import type { SetupChecks } from '../desk/setup-checks';
import { effectiveSettings } from '../settings/store';

export function createAgentLookup(setup: SetupChecks): (dataCentre: DataCentreId, accessToken: string) => Promise<string> {
  return async (dataCentre, accessToken) => {
    const portal = (await effectiveSettings()).portal;
    if (portal) return (await setup.whoAmI(dataCentre, accessToken, portal.id)).email;
    const portals = await setup.listPortals(dataCentre, accessToken);
    const chosen = portals.find((p) => p.isDefault) ?? portals[0]!;
    return (await setup.whoAmI(dataCentre, accessToken, chosen.id)).email;
  };
}
